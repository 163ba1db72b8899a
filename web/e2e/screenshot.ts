/**
 * Takes web/screenshot.png of the built page (2025, Dalarna, Falun's pot 2 explained) for the
 * README: `npm run web:screenshot` after `npm run web:build`.
 */
import { join } from "node:path";
import { launchChromium, requireBuild, serveStatic, DIST, WEB } from "./browser.js";

requireBuild();
const server = await serveStatic(DIST);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: "sv-SE" });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  await page.selectOption("#agreement", "2025");
  await page.selectOption("#county", "20");
  await page.click('button.amount[data-pot="2"][data-code="2080"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(WEB, "screenshot.png") });
  console.log(`wrote ${join(WEB, "screenshot.png")}`);
} finally {
  await browser.close();
  await server.close();
}
