//! Queries over a parsed variant that both `check.rs` and `expand.rs` ask, answered once here so
//! that what the rules accept is exactly what the code generator produces.

use crate::ast::{Field, Variant};
use crate::attr::{Allow, BodyKind, Detail, DetailSpec, FieldRole, StatusAttr};

/// The status on the wire and, with `conceal`, the real one it hides.
pub fn wire(attr: &StatusAttr) -> Option<(u16, Option<u16>)> {
    let code = attr.code?.value;
    Some(match attr.conceal {
        Some(conceal) => (conceal.value, Some(code)),
        None => (code, None),
    })
}

/// What a variant's body is.
pub enum Body<'a> {
    /// No content, and no `Content-Length` (1xx, 204, 304, and 1xx-3xx without `body = problem`
    /// or `#[body]`, and `body = none`).
    Empty,
    /// 205 Reset Content: no content and `Content-Length: 0` (RFC 9110 §15.3.6).
    ResetContent,
    /// An RFC 9457 problem document (4xx and 5xx by default, or `body = problem`).
    Problem,
    /// The content of a `#[body]` field.
    Field(&'a Field<'a>),
}

/// The body a variant answers with on the status `wire`.
pub fn body<'a>(variant: &'a Variant<'a>, attr: &StatusAttr, wire: u16) -> Body<'a> {
    let field = variant
        .fields_with(|role| matches!(role, FieldRole::Body(_)))
        .map(|(field, _)| field)
        .next();
    match (wire, field, attr.body.map(|(kind, _)| kind)) {
        (205, ..) => Body::ResetContent,
        (100..=199 | 204 | 304, ..) => Body::Empty,
        (_, Some(field), _) => Body::Field(field),
        (_, None, Some(BodyKind::None)) => Body::Empty,
        (_, None, Some(BodyKind::Problem)) => Body::Problem,
        (400.., None, None) => Body::Problem,
        (_, None, None) => Body::Empty,
    }
}

/// A header field a status cannot go without.
pub struct RequiredHeader {
    /// Lowercase name.
    pub name: &'static str,
    /// As RFC 9110 writes it.
    pub display: &'static str,
    /// The `http::header` constant.
    pub constant: &'static str,
    /// Where the requirement is.
    pub section: &'static str,
    /// How to provide it.
    pub fix: &'static str,
    /// The "should" rule that allows going without it; `None` for a MUST.
    pub allow: Option<Allow>,
}

/// The header field `code` requires (MUST) or, for redirects, should have (RFC 9110 §15.4).
pub fn required_header(code: u16) -> Option<RequiredHeader> {
    let location = |section| RequiredHeader {
        name: "location",
        display: "Location",
        constant: "LOCATION",
        section,
        fix: "`location = \"/new-path\"` (placeholders such as \"/order-result/{id}\" name fields), or a `#[location]` field",
        allow: Some(Allow::MissingLocation),
    };
    let must = |name, display, constant, section, fix| RequiredHeader {
        name,
        display,
        constant,
        section,
        fix,
        allow: None,
    };
    Some(match code {
        401 => must(
            "www-authenticate",
            "WWW-Authenticate",
            "WWW_AUTHENTICATE",
            "§15.5.2, §11.6.1",
            "`www_authenticate = r#\"Bearer realm=\"api\"\"#` or a `#[header(WWW_AUTHENTICATE)]` field",
        ),
        405 => must(
            "allow",
            "Allow",
            "ALLOW",
            "§15.5.6, §10.2.1",
            "`allow = \"GET, HEAD\"` with the methods the resource supports, or a `#[header(ALLOW)]` field",
        ),
        407 => must(
            "proxy-authenticate",
            "Proxy-Authenticate",
            "PROXY_AUTHENTICATE",
            "§15.5.8, §11.7.1",
            "`proxy_authenticate = r#\"Basic realm=\"proxy\"\"#` or a `#[header(PROXY_AUTHENTICATE)]` field",
        ),
        426 => must(
            "upgrade",
            "Upgrade",
            "UPGRADE",
            "§15.5.22, §7.8",
            "`upgrade = \"HTTP/2.0\"` with the protocols to switch to, or a `#[header(UPGRADE)]` field",
        ),
        206 => must(
            "content-range",
            "Content-Range",
            "CONTENT_RANGE",
            "§15.3.7.1",
            "`content_range = \"bytes 0-499/1234\"` or a `#[header(CONTENT_RANGE)]` field",
        ),
        301 => location("§15.4.2"),
        302 => location("§15.4.3"),
        303 => location("§15.4.4"),
        307 => location("§15.4.8"),
        308 => location("§15.4.9"),
        _ => return None,
    })
}

/// Whether the attribute gives `name` a fixed value (which is always sent).
pub fn has_static_header(attr: &StatusAttr, name: &str) -> bool {
    attr.headers.iter().any(|header| header.name == name)
        || (name == "location" && attr.location.is_some())
}

/// Where the problem's `detail` comes from: hidden when concealed and, unless the attribute
/// says otherwise, `Display` for 4xx and hidden for 5xx (RFC 9457 §5: no internals).
pub fn detail(attr: &StatusAttr, wire: u16, concealed: Option<u16>) -> DetailSpec {
    if concealed.is_some() {
        return DetailSpec::Kind(Detail::Hidden);
    }
    match &attr.detail {
        Some((spec, _)) => spec.clone(),
        None if wire >= 500 => DetailSpec::Kind(Detail::Hidden),
        None => DetailSpec::Kind(Detail::Display),
    }
}

/// What a variant answering `wire` sends beyond a bare problem (`type`, `title`, `status`), in
/// words; `None` when its response is exactly the bare problem a concealed status answers.
pub fn beyond_bare_problem(variant: &Variant, attr: &StatusAttr, wire: u16) -> Option<String> {
    if !matches!(body(variant, attr, wire), Body::Problem) {
        return Some("a different body".to_owned());
    }
    if !matches!(detail(attr, wire, None), DetailSpec::Kind(Detail::Hidden)) {
        return Some("a `detail`".to_owned());
    }
    if attr.title.is_some() || attr.type_uri.is_some() {
        return Some("its own `type` and `title`".to_owned());
    }
    if let Some(header) = attr.headers.first() {
        return Some(format!("a `{}` header", header.name));
    }
    if attr.location.is_some() {
        return Some("a `location` header".to_owned());
    }
    variant
        .fields_with(|_| true)
        .next()
        .map(|(field, role)| match role {
            FieldRole::Extension { .. } | FieldRole::Instance(_) => {
                format!("a problem member from field `{}`", field.name)
            }
            _ => format!("a header from field `{}`", field.name),
        })
}
