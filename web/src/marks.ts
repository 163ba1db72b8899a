/**
 * Marks when the page's script starts (imported first by main.ts), so the e2e run can tell
 * first paint from the moment code begins to run (web/e2e/results.json).
 */
performance.mark("stimulansmedel:script-start");
