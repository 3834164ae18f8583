"""The browser suite: every kind of HTML page the toolkit publishes, opened in headless Chromium.

For each line of documents.txt it runs the command that writes the page, opens the page from a
file: URL and checks what a council publishing it must be sure of:

- axe-core finds no violation of serious or critical impact (WCAG 2.0/2.1/2.2 A and AA rules
  and axe's best practices); lesser ones are listed as warnings;
- the page made no network request: Chromium runs with every host unresolvable and behind a
  dead proxy, and the DevTools network log must show nothing but file: and data: URLs; the DOM
  must have no script, stylesheet link, frame or image that is not a data: URI;
- it is keyboard-usable from the top: the first Tab lands on a visible skip link, and no
  element has a positive tabindex;
- it is semantic at the level axe does not enforce: lang="en-GB", one h1, header/main/footer;
- every table is whole in a window 1280 pixels wide (no column cut off behind a scroll).

Before the pages, it checks itself on canary.html, a page that breaks each of those rules: if
the suite does not catch the canary's external fetches and its axe violations, it fails, so a
broken browser set-up can never pass silently.

It saves a full-page PNG screenshot and a printed A4 PDF of each page for a person to look at,
and prints where they are. Exit status: 0 all pass, 1 a page failed a check, 2 bad usage.

Usage: run_suite.py --ethics PATH --output DIR [--documents FILE] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium_axe_python import Axe

ROOT = Path(__file__).resolve().parents[2]
FAILING_IMPACTS = {"serious", "critical"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome-error:")
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SCREENSHOT_MAX_HEIGHT = 12000


@dataclass
class Document:
    name: str
    command: str
    line: int


@dataclass
class Result:
    name: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def read_documents(path: Path) -> list[Document]:
    documents = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, bar, command = line.partition("|")
        name = name.strip()
        if not bar or not command.strip() or not NAME.match(name):
            sys.exit(f"{path}:{number}:1: error: expected 'name | command' with a lowercase-hyphenated name")
        if any(d.name == name for d in documents):
            sys.exit(f"{path}:{number}:1: error: the name '{name}' is used twice")
        documents.append(Document(name, command.strip(), number))
    return documents


def make_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--hide-scrollbars", "--force-color-profile=srgb",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions",
        # Nothing can leave the machine: no name resolves and every proxied request goes nowhere.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
        "--allow-file-access-from-files",
    ]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    # Debian's chromedriver, named explicitly so that Selenium Manager never tries to download one.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def produce(document: Document, ethics: Path, work: Path, page: Path) -> str | None:
    """Runs the document's command; returns a problem, or None when the page was written."""
    work.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ, ETHICS=str(ethics), BIN=str(ethics.parent), WORK=str(work),
                       PAGE=str(page), XDG_DATA_HOME=str(work / "data"), NO_COLOR="1")
    environment.pop("ETHICS_CONFIG", None)
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", document.command], cwd=ROOT, env=environment,
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return f"the command exited {run.returncode}: {document.command}\n{run.stderr.strip()}"
    if not page.is_file() or page.stat().st_size == 0:
        return f"the command left no page at $PAGE: {document.command}"
    return None


def network_requests(driver: webdriver.Chrome) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


DOM_CHECKS = """
const problems = [];
const external = (url) => url && !/^(data:|#|about:)/i.test(url);
for (const el of document.querySelectorAll('script, link, iframe, frame, object, embed, base')) {
  problems.push('the page has a <' + el.localName + '> element');
}
for (const el of document.querySelectorAll('img, source, video, audio, image, use, input[type=image]')) {
  for (const attr of ['src', 'srcset', 'href', 'xlink:href', 'poster']) {
    const value = el.getAttribute(attr);
    if (external(value)) problems.push('<' + el.localName + ' ' + attr + '="' + value.slice(0, 80) + '"> is not embedded');
  }
}
for (const sheet of document.querySelectorAll('style')) {
  if (/@import|url\\(\\s*['"]?(?!data:|#)/i.test(sheet.textContent)) problems.push('a stylesheet loads another file');
}
for (const el of document.querySelectorAll('[tabindex]')) {
  if (parseInt(el.getAttribute('tabindex'), 10) > 0) problems.push('positive tabindex on <' + el.localName + '>');
}
if (document.documentElement.getAttribute('lang') !== 'en-GB') problems.push('the page is not lang="en-GB"');
if (document.querySelectorAll('h1').length !== 1) problems.push('the page has ' + document.querySelectorAll('h1').length + ' h1 elements');
for (const tag of ['header', 'main', 'footer']) {
  if (!document.querySelector('body > ' + tag)) problems.push('no <' + tag + '> landmark at the top level');
}
for (const table of document.querySelectorAll('table')) {
  if (!table.querySelector('caption')) problems.push('a table has no caption');
  for (const th of table.querySelectorAll('th')) {
    if (!th.getAttribute('scope')) { problems.push('a table header cell has no scope'); break; }
  }
}
// The window is 1280 pixels wide: every table must be whole there, its last column not cut off.
for (const region of document.querySelectorAll('.table-scroll')) {
  if (region.scrollWidth > region.clientWidth + 1) problems.push('a table is cut off at 1280 pixels wide (' + region.scrollWidth + ' > ' + region.clientWidth + ')');
}
for (const svg of document.querySelectorAll('figure svg')) {
  if (svg.getAttribute('role') !== 'img' || !svg.querySelector('title')) problems.push('a diagram has no role="img" and title');
  if (!svg.closest('figure').querySelector('.graph-outline li')) problems.push('a diagram has no text version');
}
return problems;
"""

SKIP_LINK_CHECK = """
const el = document.activeElement;
if (!el || !el.classList.contains('skip-link')) return 'the first Tab lands on ' + (el ? '<' + el.localName + '>' : 'nothing') + ', not the skip link';
const box = el.getBoundingClientRect();
if (box.bottom <= 0 || box.right <= 0 || box.width === 0) return 'the skip link is focused but not visible';
const target = document.getElementById((el.getAttribute('href') || '').slice(1));
if (!target || target.localName !== 'main') return 'the skip link does not lead to <main>';
return null;
"""


def check(driver: webdriver.Chrome, axe: Axe, document: Document, page: Path, output: Path, result: Result) -> None:
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get(page.as_uri())

    for url in network_requests(driver):
        if not url.startswith(LOCAL_SCHEMES):
            result.problems.append(f"network request attempted: {url}")
    for problem in driver.execute_script(DOM_CHECKS):
        result.problems.append(problem)

    driver.find_element("tag name", "body").send_keys(Keys.TAB)
    skip_problem = driver.execute_script(SKIP_LINK_CHECK)
    if skip_problem:
        result.problems.append(skip_problem)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")

    axe.inject()
    report = axe.run(options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    for violation in report["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]]
        shown = "; ".join(targets[:5]) + (f"; and {len(targets) - 5} more" if len(targets) > 5 else "")
        summary = f"axe {violation['impact']}: {violation['id']}: {violation['help']} ({len(targets)} element(s): {shown})"
        detail = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
        if detail:
            summary += f"\n      {detail}"
        (result.problems if violation["impact"] in FAILING_IMPACTS else result.warnings).append(summary)
    (output / f"{document.name}.axe.json").write_text(json.dumps(report["violations"], indent=2), encoding="utf-8")

    # A full-page screenshot, up to a height a person can still look at.
    size = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    width, height = int(size[0]), min(int(size[1]), SCREENSHOT_MAX_HEIGHT)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    png = output / f"{document.name}.png"
    png.write_bytes(base64.b64decode(shot["data"]))

    options = PrintOptions()
    options.background = True
    pdf = output / f"{document.name}.pdf"
    pdf.write_bytes(base64.b64decode(driver.print_page(options)))
    result.files += [png, pdf]


def check_canary(driver: webdriver.Chrome, axe: Axe, output: Path) -> bool:
    """Runs the checks on canary.html, which must fail them; True when the suite caught it."""
    canary = Path(__file__).with_name("canary.html")
    result = Result("canary")
    check(driver, axe, Document("canary", "", 0), canary, output / "work", result)
    expected = {
        "a network request": any(p.startswith("network request attempted") for p in result.problems),
        "an external asset in the DOM": any("is not embedded" in p for p in result.problems),
        "a serious axe violation": any(p.startswith("axe serious: color-contrast") for p in result.problems),
        "a critical axe violation": any(p.startswith("axe critical: image-alt") for p in result.problems),
        "a missed skip link": any("not the skip link" in p for p in result.problems),
        "a table cut off at 1280 pixels": any("is cut off at 1280" in p for p in result.problems),
    }
    missed = [name for name, caught in expected.items() if not caught]
    if missed:
        print(f"FAIL  canary: the suite did not catch {', '.join(missed)} in {canary}; its checks are not working")
        for problem in result.problems:
            print(f"    (caught) {problem}")
        return False
    print(f"ok    canary: the checks caught all {len(result.problems)} planted problems in {canary.name}")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ethics", required=True, type=Path, help="the built ethics binary")
    parser.add_argument("--output", required=True, type=Path, help="where pages, screenshots and PDFs go")
    parser.add_argument("--documents", type=Path, default=Path(__file__).with_name("documents.txt"))
    parser.add_argument("--only", default="", help="comma-separated names to run")
    arguments = parser.parse_args()

    ethics = arguments.ethics.resolve()
    if not os.access(ethics, os.X_OK):
        print(f"error: no ethics binary at {ethics}; run swift build first", file=sys.stderr)
        return 2
    documents = read_documents(arguments.documents)
    if arguments.only:
        wanted = set(arguments.only.split(","))
        unknown = wanted - {d.name for d in documents}
        if unknown:
            print(f"error: no document named {', '.join(sorted(unknown))} in {arguments.documents}", file=sys.stderr)
            return 2
        documents = [d for d in documents if d.name in wanted]

    output = arguments.output.resolve()
    shutil.rmtree(output, ignore_errors=True)
    (output / "work").mkdir(parents=True)
    started = time.monotonic()
    results: list[Result] = []
    driver = make_driver()
    try:
        axe = Axe(driver)
        canary_caught = check_canary(driver, axe, output)
        for document in documents:
            result = Result(document.name)
            results.append(result)
            began = time.monotonic()
            page = output / f"{document.name}.html"
            problem = produce(document, ethics, output / "work" / document.name, page)
            if problem:
                result.problems.append(problem)
            else:
                try:
                    check(driver, axe, document, page, output, result)
                except Exception as error:  # a browser failure is this page's failure, not the suite's end
                    result.problems.append(f"the browser check failed: {type(error).__name__}: {error}")
            result.seconds = time.monotonic() - began
            status = "FAIL" if result.problems else "pass"
            print(f"{status}  {document.name}  ({result.seconds:.1f} s)  {arguments.documents.name}:{document.line}")
            for problem in result.problems:
                print(f"    error: {problem}")
            for warning in result.warnings:
                print(f"    warning: {warning}")
            for file in result.files:
                print(f"    {file}")
            sys.stdout.flush()
    finally:
        driver.quit()

    failed = sum(1 for r in results if r.problems) + (0 if canary_caught else 1)
    print(f"browser suite: {len(results)} pages in {time.monotonic() - started:.1f} s; screenshots and PDFs in {output}")
    print(f"browser: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
