//! A real browser for the end-to-end tests: Debian's headless Chromium, driven over WebDriver
//! (chromedriver) with the `fantoccini` crate.
//!
//! [`Browser::start`] starts `chromedriver` as a child process on a port the OS picks, waits (a
//! bounded time) until it answers, and opens a WebDriver session in a headless Chromium with a
//! new empty profile. Dropping the [`Browser`] kills chromedriver and every Chromium process it
//! started (they share one process group) and removes the profile. Every step has a time limit;
//! a missing `chromium` or `chromedriver` is a test failure that says how to install them, never
//! a skip.
//!
//! `CHROMIUM` and `CHROMEDRIVER` override where the binaries are looked for (default: `PATH`,
//! then `/usr/bin`).
#![allow(dead_code)] // each test file uses some of it

use std::fs::{self, File};
use std::future::Future;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long chromedriver may take to start and answer `/status`.
const DRIVER_START: Duration = Duration::from_secs(30);
/// How long Chromium may take to start and open a session.
const SESSION_START: Duration = Duration::from_secs(60);
/// How long one WebDriver command may take (a navigation included).
const COMMAND: Duration = Duration::from_secs(30);
/// How long a page may take to load, as the browser counts it.
const PAGE_LOAD: Duration = Duration::from_secs(20);
/// How long a navigation may take to land (see [`Browser::wait_for_path`]).
const NAVIGATION: Duration = Duration::from_secs(20);

/// The flags Chromium needs here: no display, run as root, and a closed network (without the
/// background-networking flags it keeps opening connections that the machine refuses).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1024,768",
];

const INSTALL_HINT: &str = "the browser test needs Debian's `chromium` and `chromium-driver` \
    (/usr/bin/chromium, /usr/bin/chromedriver): `apt-get install -y --no-install-recommends \
    chromium chromium-driver` (.ci/run installs them when they are missing)";

/// Runs `future`, and fails the test with `what` if it takes longer than `limit`.
pub async fn within<F: Future>(limit: Duration, what: &str, future: F) -> F::Output {
    match tokio::time::timeout(limit, future).await {
        Ok(output) => output,
        Err(_) => panic!("timed out after {limit:?}: {what}"),
    }
}

/// Where a program is: the environment variable `var` if set, else the first `name` in `PATH`,
/// else `/usr/bin/name`. Fails the test (never skips it) if it is nowhere.
fn find_program(name: &str, var: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(var) {
        let path = PathBuf::from(path);
        assert!(
            is_executable(&path),
            "{var}={} is not an executable file; {INSTALL_HINT}",
            path.display()
        );
        return path;
    }
    let path_dirs = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path_dirs)
        .chain([PathBuf::from("/usr/bin")])
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
        .unwrap_or_else(|| {
            panic!("`{name}` is not installed (looked in PATH and /usr/bin; {var} overrides); {INSTALL_HINT}")
        })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

/// A new empty directory under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let name = format!(
            "{prefix}-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        fs::create_dir(&path)
            .unwrap_or_else(|error| panic!("cannot create {}: {error}", path.display()));
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A running `chromedriver`, in a process group of its own (with the Chromium it starts), killed
/// on drop.
struct ChromeDriver {
    child: Child,
    port: u16,
    output: PathBuf,
}

impl ChromeDriver {
    /// Starts chromedriver on a port the OS picks and waits, at most [`DRIVER_START`], until it
    /// answers `/status` as ready.
    async fn start(program: &Path, dir: &Path) -> ChromeDriver {
        let output = dir.join("chromedriver.out");
        let log = File::create(&output).expect("chromedriver's output file");
        let child = Command::new(program)
            // Port 0: chromedriver binds a free port and prints which; no port is guessed.
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("chromedriver's output file"))
            .stderr(log)
            // Its own process group, so that drop kills Chromium's processes with it.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start {}: {error}; {INSTALL_HINT}",
                    program.display()
                )
            });
        let mut driver = ChromeDriver {
            child,
            port: 0,
            output,
        };
        let deadline = Instant::now() + DRIVER_START;
        driver.port = driver.wait_for_port(deadline).await;
        driver.wait_until_ready(deadline).await;
        driver
    }

    /// The WebDriver endpoint.
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What chromedriver printed so far.
    fn output(&self) -> String {
        fs::read_to_string(&self.output).unwrap_or_default()
    }

    /// Reads the port from "ChromeDriver was started successfully on port N."
    async fn wait_for_port(&mut self, deadline: Instant) -> u16 {
        const STARTED: &str = "started successfully on port ";
        loop {
            let output = self.output();
            if let Some(at) = output.find(STARTED) {
                let digits: String = output[at + STARTED.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if let Ok(port) = digits.parse::<u16>()
                    && port != 0
                {
                    return port;
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("chromedriver exited ({status}) before it listened:\n{output}");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not say its port within {DRIVER_START:?}:\n{output}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls `GET /status` until it says `ready`.
    async fn wait_until_ready(&mut self, deadline: Instant) {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .no_proxy()
            .build()
            .expect("an HTTP client");
        let status_url = format!("{}/status", self.url());
        let mut last = String::from("no answer");
        while Instant::now() < deadline {
            match client.get(&status_url).send().await {
                Ok(response) => match response.json::<Value>().await {
                    Ok(body) if body["value"]["ready"] == json!(true) => return,
                    Ok(body) => last = body.to_string(),
                    Err(error) => last = error.to_string(),
                },
                Err(error) => last = error.to_string(),
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "chromedriver exited ({status}) before it was ready:\n{}",
                    self.output()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "chromedriver at {status_url} was not ready within {DRIVER_START:?} ({last}):\n{}",
            self.output()
        );
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The child is the leader of its process group: kill the group (chromedriver, Chromium
        // and its helpers), then reap the child.
        // `kill -KILL -- -PGID` names the group; the `kill` program keeps `unsafe` out of here.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium with a WebDriver session open, and what it runs on. Dropping it kills
/// the browser and its driver, and removes its profile.
pub struct Browser {
    client: Option<Client>,
    // Dropped in this order: the session's handle, then the driver (and the browser), then the
    // directory the profile and the driver's output are in.
    _driver: ChromeDriver,
    _dir: TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a new empty profile. Fails the test,
    /// with the way to install them, if either program is missing.
    pub async fn start() -> Browser {
        let chromium = find_program("chromium", "CHROMIUM");
        let chromedriver = find_program("chromedriver", "CHROMEDRIVER");
        let dir = TempDir::new("status-e2e-browser");
        let profile = dir.0.join("profile");
        fs::create_dir(&profile).expect("the browser profile's directory");
        let driver = ChromeDriver::start(&chromedriver, &dir.0).await;

        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|&flag| flag.to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": {
                "pageLoad": u64::try_from(PAGE_LOAD.as_millis()).expect("milliseconds"),
                "script": 10_000,
                "implicit": 0,
            },
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": args,
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("an object")
        };
        let capabilities: Capabilities = capabilities;
        let session = within(
            SESSION_START,
            "starting Chromium through chromedriver",
            ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities)
                .connect(&driver.url()),
        )
        .await;
        let client = match session {
            Ok(client) => client,
            Err(error) => panic!(
                "chromedriver could not start {} ({error}); chromedriver said:\n{}",
                chromium.display(),
                driver.output()
            ),
        };
        Browser {
            client: Some(client),
            _driver: driver,
            _dir: dir,
        }
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Opens `url` and waits until the page has loaded.
    pub async fn goto(&self, url: &str) {
        let what = format!("opening {url}");
        within(COMMAND, &what, self.client().goto(url))
            .await
            .unwrap_or_else(|error| panic!("{what}: {error}"));
    }

    /// Reloads the page, as the reload button does.
    pub async fn reload(&self) {
        within(COMMAND, "reloading the page", self.client().refresh())
            .await
            .unwrap_or_else(|error| panic!("reloading the page: {error}"));
    }

    /// The URL in the address bar.
    pub async fn url(&self) -> String {
        within(COMMAND, "reading the URL", self.client().current_url())
            .await
            .unwrap_or_else(|error| panic!("reading the URL: {error}"))
            .to_string()
    }

    /// The path of the URL in the address bar.
    pub async fn path(&self) -> String {
        within(COMMAND, "reading the URL", self.client().current_url())
            .await
            .unwrap_or_else(|error| panic!("reading the URL: {error}"))
            .path()
            .to_owned()
    }

    /// Waits, at most [`NAVIGATION`], until the address bar's path satisfies `arrived` and the
    /// page has loaded, and returns the path.
    pub async fn wait_for_path(&self, what: &str, arrived: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + NAVIGATION;
        loop {
            let url = tokio::time::timeout(COMMAND, self.client().current_url()).await;
            if let Ok(Ok(url)) = url
                && arrived(url.path())
                && self
                    .probe("return document.readyState === 'complete';")
                    .await
            {
                return url.path().to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "the browser did not arrive at {what} within {NAVIGATION:?}; it is at {}",
                self.url().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Whether `script` returns `true`; `false` if it fails, as it may while a page is replaced
    /// (there is no document to run it in).
    async fn probe(&self, script: &str) -> bool {
        let run = self.client().execute(script, Vec::new());
        matches!(
            tokio::time::timeout(COMMAND, run).await,
            Ok(Ok(Value::Bool(true)))
        )
    }

    /// Runs `script` in the page and returns its result.
    pub async fn script(&self, script: &str) -> Value {
        let what = format!("running `{script}`");
        within(COMMAND, &what, self.client().execute(script, Vec::new()))
            .await
            .unwrap_or_else(|error| panic!("{what}: {error}"))
    }

    /// How the page in the window was reached, from the Navigation Timing API: the navigation
    /// type (`navigate`, `reload`, `back_forward`) and how many redirects led to it.
    pub async fn navigation(&self) -> (String, u64) {
        let entry = self
            .script(
                "const [entry] = performance.getEntriesByType('navigation'); \
                 return [entry.type, entry.redirectCount];",
            )
            .await;
        let kind = entry[0].as_str().expect("a navigation type").to_owned();
        let redirects = entry[1].as_u64().expect("a redirect count");
        (kind, redirects)
    }

    /// The page's title.
    pub async fn title(&self) -> String {
        within(COMMAND, "reading the title", self.client().title())
            .await
            .unwrap_or_else(|error| panic!("reading the title: {error}"))
    }

    /// The text of the first element that `selector` (CSS) finds.
    pub async fn text_of(&self, selector: &str) -> String {
        let what = format!("reading the text of `{selector}`");
        within(COMMAND, &what, async {
            let element = self.client().find(Locator::Css(selector)).await?;
            element.text().await
        })
        .await
        .unwrap_or_else(|error| panic!("{what}: {error}"))
    }

    /// Clicks the first element that `selector` (CSS) finds. Does not wait for a navigation it
    /// starts: see [`Browser::wait_for_path`].
    pub async fn click(&self, selector: &str) {
        let what = format!("clicking `{selector}`");
        within(COMMAND, &what, async {
            let element = self.client().find(Locator::Css(selector)).await?;
            element.click().await
        })
        .await
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    }

    /// Types `value` into the form field named `name` (an `<input>` or `<textarea>`, cleared
    /// first) or picks it in a `<select>`, as a person does.
    pub async fn fill(&self, name: &str, value: &str) {
        let what = format!("filling the field `{name}` with {value:?}");
        let selector = format!("[name='{name}']");
        within(COMMAND, &what, async {
            let field = self.client().find(Locator::Css(&selector)).await?;
            if field.tag_name().await?.eq_ignore_ascii_case("select") {
                field.select_by_value(value).await
            } else {
                field.clear().await?;
                field.send_keys(value).await
            }
        })
        .await
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    }

    /// Clicks the submit button of the form whose `action` is `action` (a path), as a person
    /// does, and waits until the page it leads to has loaded.
    pub async fn submit(&self, action: &str) {
        let what = format!("submitting the form with action {action}");
        let form = format!("form[action='{action}']");
        self.leave_page(&what, async {
            within(COMMAND, &what, async {
                let form = self.client().form(Locator::Css(&form)).await?;
                form.submit().await
            })
            .await
            .unwrap_or_else(|error| panic!("{what}: {error}"));
        })
        .await;
    }

    /// Clicks the first element that `selector` (CSS) finds, and waits until the page it leads
    /// to has loaded (even at the same address).
    pub async fn click_to_navigate(&self, selector: &str) {
        let what = format!("following `{selector}`");
        self.leave_page(&what, self.click(selector)).await;
    }

    /// Runs `action`, which navigates, and waits at most [`NAVIGATION`] until a new document has
    /// replaced this one and loaded. The old document carries a mark that the new one lacks.
    async fn leave_page(&self, what: &str, action: impl Future<Output = ()>) {
        self.script("window.__statusE2eOldPage = true; return null;")
            .await;
        action.await;
        let deadline = Instant::now() + NAVIGATION;
        loop {
            let script = "return window.__statusE2eOldPage === undefined \
                          && document.readyState === 'complete';";
            if self.probe(script).await {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: no new page within {NAVIGATION:?}; the browser is at {}",
                self.url().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Ends the WebDriver session (Chromium quits), then stops chromedriver.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            within(COMMAND, "closing the browser", client.close())
                .await
                .unwrap_or_else(|error| panic!("closing the browser: {error}"));
        }
    }
}
