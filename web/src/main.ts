/**
 * The page's entry: the library's pure API in the browser, no request leaving the page.
 */
import "./zod-config.js";
import "./style.css";
import { start } from "./app.js";

start();
