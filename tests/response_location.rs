//! `Location`: static values on redirects, templates whose placeholders are percent-encoded
//! (Post/Redirect/Get), and `#[location]` fields.

use http::HeaderMap;
use status_core::HttpStatus;

mod common;
use common::header_map;

#[test]
fn static_location_on_permanent_redirects() {
    // /event moved to /new-event: 301 for links (a POST becomes a GET), 308 for the API (a POST
    // stays a POST).
    #[derive(Debug, HttpStatus)]
    enum EventPage {
        #[status(301, location = "/new-event")]
        Moved,
        #[status(308, location = "/new-event")]
        MovedKeepMethod,
        #[status(307, location = "https://shop.example/new-event?from=event#top")]
        Elsewhere,
    }

    for (page, status, location) in [
        (EventPage::Moved, 301, "/new-event"),
        (EventPage::MovedKeepMethod, 308, "/new-event"),
        (
            EventPage::Elsewhere,
            307,
            "https://shop.example/new-event?from=event#top",
        ),
    ] {
        let response = page.to_response();
        assert_eq!(response.status(), status);
        assert_eq!(response.headers(), &header_map(&[("location", location)]));
        assert_eq!(response.body().as_ref(), b"");
    }
}

#[test]
fn location_template_post_redirect_get() {
    #[derive(Debug, HttpStatus)]
    enum Checkout {
        #[status(303, location = "/order-result/{id}")]
        Placed { id: u64 },
        #[status(303, location = "/shops/{shop}/orders/{id}?tab={tab}")]
        PlacedInShop {
            shop: &'static str,
            id: u64,
            tab: String,
        },
        #[status(201, location = "https://shop.example/orders/{0}")]
        Created(u32),
    }

    let response = Checkout::Placed { id: 7 }.to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "/order-result/7")])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Checkout::PlacedInShop {
        shop: "berlin",
        id: 18_446_744_073_709_551_615,
        tab: "summary".into(),
    }
    .to_response();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers(),
        &header_map(&[(
            "location",
            "/shops/berlin/orders/18446744073709551615?tab=summary"
        )])
    );

    let response = Checkout::Created(42).to_response();
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers(),
        &header_map(&[("location", "https://shop.example/orders/42")])
    );
    assert_eq!(response.body().as_ref(), b"");
}

#[test]
fn location_placeholders_are_percent_encoded() {
    #[derive(Debug, HttpStatus)]
    #[status(303, location = "/search/{term}/results")]
    struct SearchMoved {
        term: String,
    }

    let cases = [
        // RFC 3986 unreserved characters stay.
        ("AZaz09-._~", "AZaz09-._~"),
        ("red shoes", "red%20shoes"),
        ("a/b", "a%2Fb"),
        ("../../admin", "..%2F..%2Fadmin"),
        ("x?y=1&z#top", "x%3Fy%3D1%26z%23top"),
        ("100%", "100%25"),
        ("Größe", "Gr%C3%B6%C3%9Fe"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("😀", "%F0%9F%98%80"),
        (
            "x\r\nSet-Cookie: session=stolen",
            "x%0D%0ASet-Cookie%3A%20session%3Dstolen",
        ),
        ("nul\0tab\tdel\u{7f}", "nul%00tab%09del%7F"),
        ("+:@!$'()*,;", "%2B%3A%40%21%24%27%28%29%2A%2C%3B"),
        ("", ""),
    ];
    for (term, encoded) in cases {
        let response = SearchMoved { term: term.into() }.try_to_response().unwrap();
        assert_eq!(response.status(), 303);
        let location = format!("/search/{encoded}/results");
        assert_eq!(
            response.headers(),
            &header_map(&[("location", location.as_str())]),
            "{term:?}"
        );
        assert_eq!(response.body().as_ref(), b"");
    }
}

#[test]
fn location_from_a_field() {
    #[derive(Debug, HttpStatus)]
    enum Continue {
        #[status(307)]
        ToPaymentProvider {
            #[location]
            url: String,
        },
        #[status(302, allow(missing_location))]
        Back {
            #[location]
            referer: Option<&'static str>,
        },
    }

    let response = Continue::ToPaymentProvider {
        url: "https://pay.example/session/abc?return=%2Forder-result%2F7".into(),
    }
    .to_response();
    assert_eq!(response.status(), 307);
    assert_eq!(
        response.headers(),
        &header_map(&[(
            "location",
            "https://pay.example/session/abc?return=%2Forder-result%2F7"
        )])
    );
    assert_eq!(response.body().as_ref(), b"");

    let response = Continue::Back {
        referer: Some("/cart"),
    }
    .to_response();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers(), &header_map(&[("location", "/cart")]));

    let response = Continue::Back { referer: None }.to_response();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers(), &HeaderMap::new());
}
