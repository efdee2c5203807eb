/**
 * Ribbon commands. The Home-tab button opens the task pane (ShowTaskpane needs no code); this file is the manifest's
 * FunctionFile, kept so that later ribbon actions (e.g. re-score without opening the pane) have a home.
 */
Office.onReady(() => {
  // nothing to register yet
});
