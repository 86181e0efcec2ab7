/** The inverse of the standard normal distribution (Wichura 1988, algorithm AS 241 PPND16, about 1e-16 relative). */

// Wichura's coefficients (to double precision), highest power first.
// Central region |p - 0.5| <= 0.425, in r = 0.180625 - (p - 0.5)^2.
const CENTRAL_TOP = [
  2.5090809287301227e3, 3.343057558358813e4, 6.72657709270087e4, 4.592195393154987e4, 1.373169376550946e4,
  1.9715909503065513e3, 1.3314166789178438e2, 3.3871328727963665,
];
const CENTRAL_BOTTOM = [
  5.226495278852854e3, 2.8729085735721943e4, 3.930789580009271e4, 2.1213794301586597e4, 5.394196021424751e3,
  6.871870074920579e2, 4.231333070160091e1, 1,
];
// Tails down to about 1e-11, in r = sqrt(-ln(tail)) - 1.6.
const MIDDLE_TOP = [
  7.745450142783414e-4, 2.2723844989269184e-2, 2.417807251774506e-1, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
];
const MIDDLE_BOTTOM = [
  1.0507500716444169e-9, 5.475938084995345e-4, 1.5198666563616457e-2, 1.4810397642748008e-1, 6.897673349851e-1,
  1.6763848301838038, 2.053191626637759, 1,
];
// Farther tails, in r = sqrt(-ln(tail)) - 5.
const FAR_TOP = [
  2.0103343992922881e-7, 2.7115555687434876e-5, 1.2426609473880784e-3, 2.6532189526576124e-2, 2.9656057182850487e-1,
  1.7848265399172913, 5.463784911164114, 6.657904643501103,
];
const FAR_BOTTOM = [
  2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 7.868691311456133e-4, 1.4875361290850615e-2,
  1.369298809227358e-1, 5.99832206555888e-1, 1,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

/** The z with P(Z <= z) = p for a standard normal Z; p must lie strictly between 0 and 1. */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormal needs 0 < p < 1; got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_TOP, r)) / polynomial(CENTRAL_BOTTOM, r);
  }
  const tail = q < 0 ? p : 1 - p;
  let r = Math.sqrt(-Math.log(tail));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(MIDDLE_TOP, r) / polynomial(MIDDLE_BOTTOM, r);
  } else {
    r -= 5;
    z = polynomial(FAR_TOP, r) / polynomial(FAR_BOTTOM, r);
  }
  return q < 0 ? -z : z;
}

/**
 * The z of a two-sided interval: `confidence` 0.95 gives 1.959963984540054. Computed from the lower tail
 * `(1 - confidence) / 2`, which stays above 0 for every confidence below 1 (`0.5 + confidence / 2` rounds to 1 for
 * 0.9999999999999999); `0 -` keeps a tiny confidence's z at 0 rather than -0.
 */
export function twoSidedZ(confidence: number): number {
  return 0 - inverseNormal((1 - confidence) / 2);
}
