/** The sidebar's entry point: mounts the panels on google.script.run (absent when the page is opened outside Sheets). */

import { mountSidebar } from './app';
import type { ScriptRunner } from './bridge';

const google = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
const root = document.getElementById('app');
if (root) void mountSidebar(root, google?.script?.run).select('Leads');
