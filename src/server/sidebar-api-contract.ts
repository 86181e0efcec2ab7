/** Compile-time check, no code: the top-level functions of index.ts implement SidebarApi with matching signatures. */

import type { SidebarApi } from '../shared/sidebar-api';
import type * as TopLevel from './index';

type Implements<T extends SidebarApi> = T;
export type TopLevelImplementsSidebarApi = Implements<Pick<typeof TopLevel, keyof SidebarApi>>;
