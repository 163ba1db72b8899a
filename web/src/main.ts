/**
 * The page's entry: the library's pure API in the browser, no request leaving the page.
 */
import "./marks.js";
import "./zod-config.js";
import "./style.css";
import { start } from "./app.js";

// The frame (header, choices) is painted first; the first view is computed in the next task.
requestAnimationFrame(() =>
  setTimeout(() => {
    start();
    performance.mark("stimulansmedel:rendered");
  }),
);
