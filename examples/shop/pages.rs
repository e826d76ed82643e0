//! The shop's HTML pages: one small layout, every piece of user input escaped, and ids on the
//! elements that tests read (`#method`, `#body`, `#order-id`, `#orders-saved`...).

use std::fmt::Write as _;

use super::Order;

/// `text` with the characters that mean something in HTML escaped, for element content and for
/// quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The page around `main`, which is trusted HTML; `title` is escaped.
pub fn layout(title: &str, main: &str) -> String {
    let title = escape(title);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · status shop</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
nav a {{ margin-right: 1rem; }}
dt {{ font-weight: bold; }}
code, pre {{ background: #f3f3f3; padding: 0 .25rem; }}
label {{ display: inline-block; min-width: 5rem; }}
</style>
</head>
<body>
<nav><a href="/">Shop</a><a href="/order">Order</a><a href="/event">Event</a><a href="/cart">Cart</a><a href="/editor">Editor</a><a href="/api/catalog">Catalogue</a></nav>
<main>
<h1>{title}</h1>
{main}
</main>
</body>
</html>
"#
    )
}

/// `/`: what to try, in a browser and with curl.
pub fn home() -> String {
    layout(
        "The status shop",
        r#"<p>Every answer of this shop that is not a plain <code>200 OK</code> is a
<code>#[derive(HttpStatus)]</code> type. Try, in this browser:</p>
<ul>
<li><a href="/order">Place an order</a>: the form POSTs, the shop answers <code>303 See Other</code>,
and the browser GETs the result page. Reload it: nothing is ordered twice.</li>
<li><a href="/event">The old event page</a> moved for good: <code>301</code> to <code>/new-event</code>.</li>
<li><a href="/cart">The cart</a> is the basket for now: <code>302</code> to <code>/basket</code>.</li>
<li><form method="post" action="/checkout" style="display:inline"><input type="hidden" name="payment" value="card">
<button type="submit" id="checkout">Check out</button></form>: <code>307</code> keeps the POST and its body.</li>
<li><a href="/editor">The editor</a>: its save button gets <code>204 No Content</code> and the page stays.</li>
<li><a href="/api/catalog">The catalogue</a> has an <code>ETag</code>; a reload revalidates it and gets <code>304</code>.</li>
<li><a href="/loop/a">A redirect loop</a>: the browser gives up.</li>
<li><a href="/api/reports/sales">The sales report</a>: <code>500</code>, whose cause stays in the server's log.</li>
</ul>
<p>The API (JSON) answers <code>201</code>, <code>202</code>, <code>204</code>, <code>304</code>,
<code>308</code>, <code>400</code>, <code>401</code>, <code>404</code> (also for someone else's order),
<code>405</code>, <code>415</code>, <code>429</code> and <code>503</code>: see the README's curl commands.</p>"#,
    )
}

/// `GET /order`: the order form of the Post/Redirect/Get scenario. No client-side validation:
/// the server decides what a malformed order is (400).
pub fn order_form() -> String {
    layout(
        "Place an order",
        r#"<form id="order-form" method="post" action="/order">
<p><label for="itemId">Item</label> <input id="itemId" name="itemId" list="catalog-items" placeholder="mouse" autocomplete="off"></p>
<datalist id="catalog-items"><option value="mouse"><option value="keyboard"><option value="monitor"></datalist>
<p><label for="count">Count</label> <input id="count" name="count" inputmode="numeric" placeholder="1" autocomplete="off"></p>
<p><button id="place-order" type="submit">Order</button></p>
</form>
<p>The shop saves the order and answers <code>303 See Other</code> with
<code>Location: /order-result/{id}</code>; the browser follows it with a GET.
An empty item or a count that is not a positive integer is a <code>400 Bad Request</code>.</p>"#,
    )
}

/// `GET /order-result/{id}`: the order, and how many orders the shop has saved so far.
pub fn order_result(order: &Order, orders_saved: u64) -> String {
    let main = format!(
        r#"<p id="order-complete">Order complete (주문완료).</p>
<dl>
<dt>Order</dt><dd id="order-id">{id}</dd>
<dt>Item</dt><dd id="item-id">{item}</dd>
<dt>Count</dt><dd id="count">{count}</dd>
<dt>Orders saved by the shop</dt><dd id="orders-saved">{orders_saved}</dd>
</dl>
<p>This page was reached with a GET: reloading it shows the order again and orders nothing.</p>
<p><a href="/order">Order again</a></p>"#,
        id = order.id,
        item = escape(&order.item_id),
        count = order.count,
    );
    layout(&format!("Order {}", order.id), &main)
}

/// What a page reached by a redirect received: the method, the content type and the body, so
/// that a client can see whether a redirect kept the POST and its body.
pub struct Received<'a> {
    pub method: &'a str,
    pub content_type: &'a str,
    pub body: &'a str,
}

/// A page that shows what it `received`, after `intro` (trusted HTML).
pub fn received_page(title: &str, intro: &str, received: &Received<'_>, extra: &str) -> String {
    let mut main = String::new();
    let _ = write!(
        main,
        r#"{intro}
<h2>What this request carried</h2>
<dl id="received">
<dt>Method</dt><dd id="method">{method}</dd>
<dt>Content-Type</dt><dd id="content-type">{content_type}</dd>
<dt>Body length</dt><dd id="body-length">{length}</dd>
<dt>Body</dt><dd id="body">{body}</dd>
</dl>
{extra}"#,
        method = escape(received.method),
        content_type = escape(received.content_type),
        length = received.body.len(),
        body = escape(received.body),
    );
    layout(title, &main)
}

/// The event sign-up forms of `/new-event`: one posts here, one to the old address, whose 301
/// turns the POST into a GET and drops the form, as the lecture shows.
pub const EVENT_FORMS: &str = r#"<h2>Sign up</h2>
<form id="event-form" method="post" action="/new-event">
<p><label for="name">Name</label> <input id="name" name="name" value="hello"></p>
<p><label for="age">Age</label> <input id="age" name="age" value="20"></p>
<p><button id="sign-up" type="submit">Sign up here</button>
<button id="sign-up-old" type="submit" formaction="/event">Sign up at the old address (/event)</button></p>
</form>"#;

/// `GET /editor`: the lecture's save button. The script PUTs the text; `204 No Content` says it
/// is saved, and the page stays as it is.
pub fn editor(draft: &str) -> String {
    let main = format!(
        r#"<form id="editor" onsubmit="save(event)">
<p><textarea id="text" name="text" rows="8" cols="60">{draft}</textarea></p>
<p><button id="save" type="submit">Save</button> <span id="save-status"></span></p>
</form>
<script>
async function save(event) {{
  event.preventDefault();
  const response = await fetch("/api/drafts/lecture", {{
    method: "PUT",
    headers: {{ "content-type": "text/plain; charset=utf-8" }},
    body: document.getElementById("text").value,
  }});
  document.getElementById("save-status").textContent =
    response.status === 204 ? "Saved (204 No Content)" : "Not saved (" + response.status + ")";
}}
</script>"#,
        draft = escape(draft),
    );
    layout("Editor", &main)
}

/// `/problems/malformed-order`: the documentation of the problem type that 400 answers carry
/// (RFC 9457 §3.1.1: a type URI should lead to human-readable documentation).
pub fn malformed_order_problem() -> String {
    layout(
        "Malformed order",
        r#"<p>The order could not be placed as sent: a member is missing (the problem's
<code>field</code> names it), the count is not a positive integer (<code>value</code> shows
what was sent), or the body could not be read. Fix the order and send it again: the same request
fails the same way.</p>"#,
    )
}
