"""Stories of `ethics serve` in a real browser: headless Chromium through selenium.

Starts `ethics serve` on a free port with a fresh workspace and accounts, and stops it on exit
whatever happens (SIGTERM, then checks that it stopped cleanly). Each story is what a person
does. The pages carry no script and their Content-Security-Policy (script-src 'none') forbids
any, so every story is done exactly as with JavaScript switched off:

- sign-in: an officer signs in with the sign-in page, and opens the code mapper's matrix;
- glossary-search: searching the glossary from the home page;
- walk-decision: walking a proposal through the decision flowchart one node a page, with Back,
  to its outcome, and the decision kept under the officer's name;
- walk-by-keyboard: the same walk with the keyboard alone (Tab, arrows, typing, Enter);
- sign-off: a board member (an approver holding a sign-off role) signs the decision off;
- review-from-due: a consequence scan due for review is reviewed from the due list;
- canvas-collision: two people fill one canvas in turn and collide once: the second is told the
  area changed since they opened it and shown both versions, and saves knowingly;
- rate-limit: five wrong passwords lock the name, even for the right one.

On every kind of page it meets, axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practice) must
find no violation of serious or critical impact. Screenshots go to the output folder.

Usage: serve_stories.py --ethics PATH --output DIR [--only NAME,...]
Exit status: 0 every story passed, 1 a story failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_suite import AXE_TAGS, FAILING_IMPACTS  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
import shutil  # noqa: E402


def make_driver() -> webdriver.Chrome:
    """Chromium as the page suite runs it, but able to reach the server on 127.0.0.1: every other
    host stays unresolvable, so the pages still cannot fetch anything from elsewhere."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--hide-scrollbars", "--force-color-profile=srgb",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server",
    ]:
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
CONFIG = """extends: default
council: {id: storyshire, name: Storyshire Council}
sign-off-roles: [Data Protection Officer, Ethics Board chair]
"""


SSO_CONFIG = """serve:
  trusted-proxy: {address: 127.0.0.1, user-header: X-Remote-User}
"""


class StoryFailed(Exception):
    pass


class Server:
    """`ethics serve` on a free port, in a workspace of its own; stopped with SIGTERM on exit."""

    def __init__(self, ethics: Path, work: Path, config: str = CONFIG):
        self.ethics = ethics
        self.work = work
        self.config = work / "storyshire.yaml"
        self.config.write_text(config, encoding="utf-8")
        self.environment = dict(os.environ, XDG_DATA_HOME=str(work / "data"), HOME=str(work), NO_COLOR="1",
                                ETHICS_HOME=str(ROOT))
        self.environment.pop("ETHICS_CONFIG", None)
        self.process: subprocess.Popen[str] | None = None
        self.log: list[str] = []
        self.url = ""

    def ethics_command(self, *arguments: str, stdin: str | None = None) -> str:
        run = subprocess.run([str(self.ethics), "--config", str(self.config), *arguments], input=stdin, text=True,
                             capture_output=True, env=self.environment, timeout=120)
        if run.returncode != 0:
            raise StoryFailed(f"ethics {' '.join(arguments)} exited {run.returncode}: {run.stderr.strip()}")
        return run.stdout

    def add_user(self, name: str, *options: str) -> None:
        self.ethics_command("users", "add", name, *options, "--password-stdin", stdin=PASSWORD + "\n")

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen([str(self.ethics), "--config", str(self.config), "serve", "--port", "0"],
                                        env=self.environment, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        ready = threading.Event()

        def read() -> None:
            assert self.process and self.process.stderr
            for line in self.process.stderr:
                self.log.append(line.rstrip("\n"))
                found = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
                if found and not self.url:
                    self.url = found.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60) or not self.url:
            self.stop()
            raise StoryFailed("ethics serve did not say where it listens:\n" + "\n".join(self.log))
        return self

    def stop(self) -> int | None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return None
        return self.process.returncode if self.process else None

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Stories:
    def __init__(self, server: Server, output: Path):
        self.server = server
        self.output = output
        self.driver = make_driver()
        self.axe = Axe(self.driver)
        self.checked_kinds: dict[str, str] = {}
        self.problems: list[str] = []

    def close(self) -> None:
        self.driver.quit()

    # -- helpers

    def open(self, path: str) -> None:
        self.driver.get(self.server.url + path)

    def page_kind(self, kind: str) -> None:
        """Runs axe on the page, once per kind of page, and saves a screenshot."""
        if kind in self.checked_kinds:
            return
        self.checked_kinds[kind] = self.driver.current_url
        self.axe.inject()
        report = self.axe.run(options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        for violation in report["violations"]:
            if violation["impact"] in FAILING_IMPACTS:
                targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
                self.problems.append(f"{kind}: axe {violation['impact']}: {violation['id']}: {violation['help']} ({targets})")
        self.driver.save_screenshot(str(self.output / f"serve-{kind}.png"))
        if self.driver.find_elements(By.TAG_NAME, "script"):
            self.problems.append(f"{kind}: the page has a <script>")

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            raise StoryFailed(f"{message} (at {self.driver.current_url})\n--- page text:\n{self.text()[:1500]}")

    def field(self, name: str) -> object:
        return self.driver.find_element(By.NAME, name)

    def type_into(self, name: str, text: str) -> None:
        for attempt in range(3):
            try:
                element = self.field(name)
                element.clear()  # type: ignore[attr-defined]
                element.send_keys(text)  # type: ignore[attr-defined]
                return
            except Exception:  # the page was still being replaced: find the field again
                if attempt == 2:
                    raise
                time.sleep(0.2)

    def choose(self, name: str, value: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").click()

    def press(self, label: str) -> None:
        # The visible button, as a person presses it (a form may hold a hidden copy for Enter).
        self.submit(self.driver.find_element(By.XPATH, f"//button[normalize-space()='{label}' and not(@aria-hidden='true')]").click)

    def submit(self, action) -> None:  # type: ignore[no-untyped-def]
        """Does `action` (a click, an Enter) and waits for the next page to replace this one."""
        # A mark on this document (through WebDriver, not the page: the page runs no script);
        # the next page has none. Chromium reports a replaced node in more than one way, so the
        # mark is checked rather than the old element's staleness.
        self.driver.execute_script("document.documentElement.dataset.leaving = 'yes'")
        action()

        def arrived(driver) -> bool:  # type: ignore[no-untyped-def]
            try:
                return bool(driver.execute_script(
                    "return document.readyState === 'complete' && !document.documentElement.dataset.leaving"))
            except Exception:
                return False

        WebDriverWait(self.driver, 30).until(arrived)

    def sign_in(self, name: str, password: str = PASSWORD) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        self.page_kind("sign-in")
        self.type_into("name", name)
        self.type_into("password", password)
        self.press("Sign in")

    # -- stories

    def story_sign_in(self) -> None:
        self.sign_in("olivia")
        self.expect("Signed in as olivia" in self.text(), "the home page greets the signed-in officer")
        self.page_kind("home")
        self.submit(self.driver.find_element(By.PARTIAL_LINK_TEXT, "See how each code covers").click)
        self.expect("Nolan" in self.text() or "nolan" in self.text(), "the code matrix is shown")
        self.page_kind("code-matrix")

    def story_glossary_search(self) -> None:
        self.sign_in("olivia")
        self.submit(self.driver.find_element(By.PARTIAL_LINK_TEXT, "Search the glossary").click)
        self.page_kind("operation-form-get")
        self.type_into("f.query", "fairness")
        self.submit(lambda: self.field("f.query").send_keys(Keys.ENTER))  # type: ignore[attr-defined]
        self.expect("Glossary search: fairness" in self.text(), "the search shows its results")
        self.page_kind("glossary-results")
        self.type_into("f.query", "")
        self.submit(lambda: self.field("f.query").send_keys(Keys.ENTER))  # type: ignore[attr-defined]
        self.expect("There is a problem" in self.text() and "needs an answer" in self.text(), "an empty search is refused")
        self.page_kind("form-with-errors")

    def story_walk_decision(self) -> None:
        self.sign_in("olivia")
        self.submit(self.driver.find_element(By.PARTIAL_LINK_TEXT, "Walk a proposal through the decision flowchart").click)
        self.page_kind("operation-form-post")
        self.type_into("f.title", "Renew the parking enforcement contract")
        self.press("Continue")
        self.expect("Is there an ethical issue?" in self.text() or "Could the proposal" in self.text(), "the first node is asked")
        self.page_kind("walk-step")
        self.choose("f.choice", "no-issue")
        self.press("Continue")
        self.expect("Say why nobody could be helped" in self.text(), "the walk moves on to the next node")
        self.press("Back")
        self.expect("Could the proposal" in self.text(), "Back returns to the question")
        self.choose("f.choice", "no-issue")
        self.press("Continue")
        self.type_into("f.text", "It renews the same service at the same price.")
        self.press("Continue")
        self.type_into("f.text", "Nobody is treated differently and nothing changes for residents.")
        self.press("Continue")
        found = re.search(r"dec-\d{4}-\d{4}", self.text())
        self.expect(found is not None, "the decision is recorded and shown")
        self.page_kind("decision-record")
        self.decision = found.group(0) if found else ""
        self.open(f"/records/{self.decision}")
        self.expect("olivia" in self.text(), "the decision is kept under the signed-in officer")
        self.page_kind("record")

    def story_sign_off(self) -> None:
        if not getattr(self, "decision", ""):
            self.story_walk_decision()
        self.sign_in("amira")
        self.open(f"/records/{self.decision}")
        self.choose("f.role", "Ethics Board chair")
        self.press("Sign off")
        self.expect("Signed off as Ethics Board chair" in self.text(), "the sign-off is confirmed")
        self.open(f"/records/{self.decision}/history")
        self.expect("approve, amira, Ethics Board chair" in self.text(), "the history shows who signed off, in which role")
        self.page_kind("history")

    def story_review_from_due(self) -> None:
        self.sign_in("olivia")
        self.open("/plugins/consequence-scanning/scan")
        self.type_into("f.title", "Housing repairs model")
        self.type_into("f.review-by", "2020-01-31")
        self.type_into("f.consequences.1.description", "Tenants who report less wait longer")
        self.choose("f.consequences.1.intended", "unintended")
        self.choose("f.consequences.1.effect", "negative")
        self.choose("f.consequences.1.response", "act")
        self.type_into("f.consequences.1.owner", "Repairs manager")
        self.press("Continue")
        found = re.search(r"csc-\d{4}-\d{4}", self.text())
        self.expect(found is not None, "the scan is kept")
        scan = found.group(0) if found else ""
        self.open("/records")
        self.page_kind("register-list")
        self.submit(self.driver.find_element(By.LINK_TEXT, "Reviews due").click)
        self.page_kind("due-list")
        self.submit(self.driver.find_element(By.LINK_TEXT, scan).click)
        self.choose("f.outcome", "no-change")
        self.type_into("f.note", "Looked at the repair times by estate; no change needed.")
        self.press("Record the review")
        self.expect("Review recorded" in self.text(), "the review is confirmed")
        self.open("/records/due")
        self.expect(scan not in self.text(), "the reviewed scan leaves the due list")

    def open_area(self, canvas: str, area: str) -> None:
        self.open("/plugins/canvas-builder/fill")
        self.type_into("f.canvas", canvas)
        self.press("Continue")
        self.page_kind("canvas-areas")
        self.choose("f.area", area)
        self.press("Continue")

    def story_canvas_collision(self) -> None:
        """Two people fill one canvas in turn and collide once: the second is shown both versions."""
        self.sign_in("olivia")
        self.open("/plugins/canvas-builder/start")
        self.type_into("f.title", "Housing repairs prediction")
        self.press("Continue")
        found = re.search(r"can-\d{4}-\d{4}", self.text())
        self.expect(found is not None, "the canvas is kept in the register")
        canvas = found.group(0) if found else ""
        self.page_kind("canvas")
        # Olivia fills one area on her own first.
        self.open_area(canvas, "rights")
        self.page_kind("canvas-area")
        self.choose("f.status", "COMPLETE")
        self.press("Continue")
        self.expect("Saved" in self.text(), "the first area is saved")
        # Then both open the same area; Olivia saves first.
        self.open_area(canvas, "sources")
        other = Stories.__new__(Stories)
        other.server, other.output, other.problems, other.checked_kinds = self.server, self.output, self.problems, self.checked_kinds
        other.driver = make_driver()
        other.axe = Axe(other.driver)
        try:
            other.sign_in("amira")
            other.open_area(canvas, "sources")
            self.type_into("f.notes", "Olivia: repair logs since 2019")
            self.choose("f.status", "IN_PROGRESS")
            self.press("Continue")
            self.expect("Saved" in self.text(), "Olivia's save goes through")
            other.type_into("f.notes", "Amira: the tenancy database")
            other.press("Continue")
            other.expect("This changed since you opened it" in other.text(), "Amira is told the area changed")
            other.expect("Olivia: repair logs since 2019" in other.text(), "and shown Olivia's version")
            other.page_kind("conflict")
            other.type_into("f.notes", "Amira: the tenancy database, and Olivia's repair logs since 2019")
            other.press("Continue")
            other.expect("Saved" in other.text(), "saving again, knowingly, goes through")
        finally:
            other.driver.quit()

    def tab_to(self, name: str, limit: int = 40) -> None:
        """Presses Tab, and only Tab, until the element named `name` has the focus."""
        for _ in range(limit):
            active = self.driver.switch_to.active_element
            if active.get_attribute("name") == name or active.text.strip() == name:
                return
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
        raise StoryFailed(f"Tab never reached '{name}'")

    def keys(self, *keys: str) -> None:
        ActionChains(self.driver).send_keys(*keys).perform()

    def story_walk_by_keyboard(self) -> None:
        """The decision walk with the keyboard alone: Tab, arrow keys, typing and Enter."""
        self.sign_in("olivia")
        self.open("/plugins/decision-flowchart/walk")
        self.tab_to("f.title")
        self.keys("Close the Tuesday mobile library stop")
        self.submit(lambda: self.keys(Keys.ENTER))
        self.tab_to("f.choice")
        self.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        self.submit(lambda: self.keys(Keys.ENTER))
        self.expect("Say why nobody could be helped" in self.text(), "the keyboard's answer moves the walk on")
        self.tab_to("f.text")
        self.keys("Only two people used the stop in a year; both use the Thursday stop.")
        self.tab_to("Continue")
        self.submit(lambda: self.keys(Keys.ENTER))
        self.tab_to("f.text")
        self.keys("Nobody loses a service they use.")
        self.tab_to("Continue")
        self.submit(lambda: self.keys(Keys.ENTER))
        self.expect(re.search(r"dec-\d{4}-\d{4}", self.text()) is not None, "the decision is recorded")

    def story_committee_paper(self) -> None:
        """A record downloaded as a committee paper from its page: a bad meeting date comes back on
        the page; then the DOCX arrives, holding the report number and the sign-off table."""
        if not getattr(self, "decision", ""):
            self.story_walk_decision()
        downloads = self.output / "downloads"
        downloads.mkdir(parents=True, exist_ok=True)
        for old in downloads.glob("*"):
            old.unlink()
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        self.sign_in("olivia")
        self.open(f"/records/{self.decision}")
        self.type_into("f.report-number", "AGC-2027-03")
        self.type_into("f.meeting-date", "14/01/2027")
        self.press("Download as Word (DOCX)")
        self.expect("There is a problem" in self.text(), "a meeting date that is not a date is refused on the page")
        self.page_kind("paper-form-with-errors")
        self.type_into("f.meeting-date", "2027-01-14")
        # The answer is a file, not a page: the browser stays where it is and saves it.
        self.driver.find_element(By.XPATH, "//button[normalize-space()='Download as Word (DOCX)']").click()
        paper = downloads / f"{self.decision}.docx"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (not paper.exists() or any(downloads.glob("*.crdownload"))):
            time.sleep(0.2)
        self.expect(paper.exists(), f"the paper is downloaded as {paper.name}")
        with zipfile.ZipFile(paper) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        self.expect("AGC-2027-03" in body and "2027-01-14" in body, "the paper carries the report number and meeting date")
        self.expect("Sign-off" in body, "the paper has its sign-off table")
        if "amira" in self.server.ethics_command("records", "history", self.decision):
            self.expect("amira" in body, "the paper names who signed it off")

    def story_single_sign_on(self) -> None:
        """A council whose proxy signs people in: the browser, sending the proxy's header as the
        proxy would (from 127.0.0.1, the pinned address), is signed in with no password; a name
        with no account is refused with a page saying why. A server of its own, so the other
        stories keep password sign-in."""
        with tempfile.TemporaryDirectory(prefix="ethics-serve-sso-") as folder:
            sso = Server(self.server.ethics, Path(folder), CONFIG + SSO_CONFIG)
            sso.ethics_command("users", "add", "sam.jones", "--role", "officer", "--single-sign-on")
            with sso:
                main, self.server = self.server, sso
                try:
                    self.driver.delete_all_cookies()
                    self.driver.execute_cdp_cmd("Network.enable", {})
                    self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"X-Remote-User": "sam.jones"}})
                    self.open("/")
                    self.expect("Signed in as sam.jones through the council's single sign-on" in self.text(),
                                "the proxy's header signs the person in")
                    self.expect(not self.driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']"),
                                "there is no signing out of the council's sign-on here")
                    self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"X-Remote-User": "someone.else"}})
                    self.open("/")
                    self.expect("Not allowed" in self.text() and "no account of that name here" in self.text(),
                                "a name with no account is refused, on a page")
                    self.page_kind("refused")
                finally:
                    self.driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})
                    self.driver.delete_all_cookies()
                    self.server = main

    def story_rate_limit(self) -> None:
        for _ in range(5):
            self.sign_in("bea", "not the password at all")
            self.expect("The name or the password is not right." in self.text(), "a wrong password is refused")
        self.sign_in("bea")
        self.expect("Too many attempts to sign in." in self.text(), "the sixth attempt is refused, even with the right password")


STORIES = ["sign-in", "glossary-search", "walk-decision", "walk-by-keyboard", "sign-off", "committee-paper", "review-from-due",
           "canvas-collision", "single-sign-on", "rate-limit"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ethics", required=True, type=Path)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument("--only", default="")
    arguments = parser.parse_args()
    chosen = [name for name in arguments.only.split(",") if name] or STORIES
    for name in chosen:
        if name not in STORIES:
            print(f"serve_stories.py: no story '{name}'; the stories are {', '.join(STORIES)}", file=sys.stderr)
            return 2
    arguments.output.mkdir(parents=True, exist_ok=True)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ethics-serve-stories-") as folder:
        server = Server(arguments.ethics.resolve(), Path(folder))
        try:
            server.add_user("olivia", "--role", "officer")
            server.add_user("bea", "--role", "officer")
            server.add_user("amira", "--role", "approver", "--sign-off-role", "Ethics Board chair")
        except StoryFailed as error:
            print(f"FAIL set-up: {error}")
            return 1
        with server:
            stories = Stories(server, arguments.output)
            try:
                for name in chosen:
                    started = time.monotonic()
                    try:
                        getattr(stories, "story_" + name.replace("-", "_"))()
                        print(f"ok   {name} ({time.monotonic() - started:.1f} s)")
                    except Exception as error:  # a story's failure is reported and the others still run
                        failures += 1
                        print(f"FAIL {name}: {error}")
            finally:
                stories.close()
            for problem in stories.problems:
                failures += 1
                print(f"FAIL accessibility: {problem}")
            print(f"axe checked {len(stories.checked_kinds)} kinds of page: {', '.join(sorted(stories.checked_kinds))}")
        status = server.stop()
        if status != 0:
            failures += 1
            print(f"FAIL ethics serve did not stop cleanly on SIGTERM (exit {status}):\n" + "\n".join(server.log[-20:]))
        elif not any("Stopped." in line for line in server.log):
            failures += 1
            print("FAIL ethics serve exited without saying it stopped")
        else:
            print("ok   ethics serve stopped cleanly on SIGTERM")
        requests = [line for line in server.log if "GET" in line or "POST" in line]
        if not requests:
            failures += 1
            print("FAIL ethics serve logged no requests")
    print(f"{len(chosen) - min(failures, len(chosen))} of {len(chosen)} stories passed" if failures else f"all {len(chosen)} stories passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
