/**
 * The page's entry: the library's pure API in the browser, no request leaving the page. It runs
 * after the frame has been painted (src/boot.ts starts it), so it renders the view at once.
 */
import "./marks.js";
import "./zod-config.js";
import "./style.css";
import { start } from "./app.js";

start();
performance.mark("stimulansmedel:rendered");
