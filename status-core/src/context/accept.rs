//! `Accept` (RFC 9110 §12.5.1): which of a few media types a client prefers.
//!
//! Nothing here fails: a malformed member of the field is skipped, a field that is not text is
//! no field at all, and when nothing matches, the first candidate (the type's own format) is
//! chosen. An error is never answered with 406.

use http::HeaderValue;

/// The index of the candidate `accept` prefers: the highest quality, the first candidate among
/// equals; 0 when no candidate is acceptable or there is no `Accept` at all.
///
/// Each candidate's quality is that of the most specific media range that matches it:
/// `text/html;level=1` over `text/html` over a structured-syntax suffix (`application/json`
/// matches `application/problem+json`, RFC 6839) over `text/*` over `*/*`. The field is read
/// once, whatever the number of candidates (at most [`MAX_CANDIDATES`] are weighed).
pub(crate) fn choose<'a>(
    accept: impl Iterator<Item = &'a HeaderValue>,
    candidates: impl Iterator<Item = &'a str>,
) -> usize {
    let mut parsed: [Option<MediaType<'a>>; MAX_CANDIDATES] = Default::default();
    for (slot, candidate) in parsed.iter_mut().zip(candidates) {
        *slot = MediaType::parse(candidate.as_bytes());
    }
    // For each candidate, the (specificity, quality) of its most specific matching range.
    let mut best: [Option<(u8, u16)>; MAX_CANDIDATES] = [None; MAX_CANDIDATES];
    // Bytes, not text: every byte that matters is ASCII, and obs-text fails the token checks.
    let ranges = accept
        .flat_map(|value| pieces(value.as_bytes(), b','))
        .filter_map(MediaRange::parse);
    for range in ranges {
        for (candidate, best) in parsed.iter().zip(best.iter_mut()) {
            let Some(candidate) = candidate else { continue };
            if let Some(specificity) = range.matches(candidate) {
                if best.is_none_or(|(most, _)| specificity > most) {
                    *best = Some((specificity, range.quality));
                }
            }
        }
    }
    let mut chosen = (0, 0);
    for (index, best) in best.iter().enumerate() {
        let quality = best.map_or(0, |(_, quality)| quality);
        if quality > chosen.1 {
            chosen = (index, quality);
        }
    }
    chosen.0
}

/// Whether `text` is a media type: `type/subtype`, tokens both, with parameters or not.
pub(crate) fn is_media_type(text: &str) -> bool {
    MediaType::parse(text.as_bytes()).is_some()
}

/// The most candidates [`choose`] weighs: the type's format, those a context offers, and RFC
/// 9457 JSON; more are never chosen.
pub(crate) const MAX_CANDIDATES: usize = 8;

/// A media type: `type/subtype` and its parameters, as a format names its content.
#[derive(Clone, Copy)]
struct MediaType<'a> {
    kind: &'a [u8],
    subtype: &'a [u8],
    /// The structured syntax suffix (`json` of `problem+json`), or nothing.
    suffix: &'a [u8],
    parameters: &'a [u8],
}

impl<'a> MediaType<'a> {
    fn parse(text: &'a [u8]) -> Option<Self> {
        let (essence, parameters) = split_once(text, b';').unwrap_or((text, b""));
        let (kind, subtype) = split_once(trim_ows(essence), b'/')?;
        let suffix = subtype
            .iter()
            .rposition(|&b| b == b'+')
            .and_then(|plus| subtype.get(plus + 1..))
            .unwrap_or_default();
        (is_token(kind) && is_token(subtype)).then_some(MediaType {
            kind,
            subtype,
            suffix,
            parameters,
        })
    }

    /// Whether it has parameter `name` with `value` (both compared without case).
    fn has_parameter(&self, name: &[u8], value: &[u8]) -> bool {
        parameters(self.parameters)
            .any(|(n, v)| n.eq_ignore_ascii_case(name) && v.eq_ignore_ascii_case(value))
    }
}

/// One member of `Accept`: a media range and its weight.
struct MediaRange<'a> {
    kind: &'a [u8],
    subtype: &'a [u8],
    /// The parameters before `q`, unparsed.
    parameters: &'a [u8],
    /// `q` times 1000.
    quality: u16,
}

impl<'a> MediaRange<'a> {
    /// `None` for a member that is not `type/subtype` with well-formed parameters and weight.
    fn parse(member: &'a [u8]) -> Option<Self> {
        let member = trim_ows(member);
        let (essence, rest) = split_once(member, b';').unwrap_or((member, b""));
        let (kind, subtype) = split_once(trim_ows(essence), b'/')?;
        if !(is_token(kind) && is_token(subtype)) || (kind == b"*" && subtype != b"*") {
            return None;
        }
        let mut quality = 1000;
        let mut before_weight = rest.len();
        let mut offset = 0;
        let parameters = if rest.is_empty() { None } else { Some(rest) };
        for parameter in parameters.into_iter().flat_map(|rest| pieces(rest, b';')) {
            if trim_ows(parameter).is_empty() {
                offset += parameter.len() + 1;
                continue;
            }
            let (name, value) = split_once(parameter, b'=')?;
            let name = trim_ows(name);
            let value = trim_ows(value);
            if !is_token(name) || value.is_empty() {
                return None;
            }
            if name.eq_ignore_ascii_case(b"q") {
                quality = weight(value)?;
                before_weight = offset;
                break;
            }
            offset += parameter.len() + 1;
        }
        Some(MediaRange {
            kind,
            subtype,
            parameters: &rest[..before_weight.min(rest.len())],
            quality,
        })
    }

    /// How specifically this range names `candidate` (higher is more specific), or `None`.
    fn matches(&self, candidate: &MediaType<'_>) -> Option<u8> {
        if self.kind == b"*" {
            return Some(0);
        }
        if !self.kind.eq_ignore_ascii_case(candidate.kind) {
            return None;
        }
        if self.subtype == b"*" {
            return Some(1);
        }
        let exact = self.subtype.eq_ignore_ascii_case(candidate.subtype);
        if !exact && !self.subtype.eq_ignore_ascii_case(candidate.suffix) {
            return None;
        }
        if self.parameters.is_empty() {
            return Some(if exact { 3 } else { 2 });
        }
        let mut count = 0u8;
        for (name, value) in parameters(self.parameters) {
            if !candidate.has_parameter(name, value) {
                return None;
            }
            count = count.saturating_add(1);
        }
        Some(if exact { 3u8.saturating_add(count) } else { 2 })
    }
}

/// `;name=value` pairs (values unquoted).
fn parameters(text: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    pieces(text, b';').filter_map(|parameter| {
        let (name, value) = split_once(parameter, b'=')?;
        let value = trim_ows(value);
        let value = value
            .strip_prefix(b"\"")
            .and_then(|v| v.strip_suffix(b"\""))
            .unwrap_or(value);
        Some((trim_ows(name), value))
    })
}

/// The pieces of `text` between `delimiter`s.
fn pieces(text: &[u8], delimiter: u8) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match split_once(current, delimiter) {
            Some((piece, after)) => {
                rest = Some(after);
                Some(piece)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `text` before and after the first `delimiter`.
fn split_once(text: &[u8], delimiter: u8) -> Option<(&[u8], &[u8])> {
    let mut at = 0;
    while at < text.len() {
        if text[at] == delimiter {
            return Some((&text[..at], &text[at + 1..]));
        }
        at += 1;
    }
    None
}

/// `text` without optional whitespace (spaces and tabs) at either end.
fn trim_ows(mut text: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = text {
        text = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = text {
        text = rest;
    }
    text
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, times 1000.
fn weight(text: &[u8]) -> Option<u16> {
    let (whole, fraction) = split_once(text, b'.').unwrap_or((text, b""));
    if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (digit, scale) in fraction.iter().zip([100, 10, 1]) {
        thousandths += u16::from(digit - b'0') * scale;
    }
    match whole {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// `token = 1*tchar` (RFC 9110 §5.6.2).
fn is_token(text: &[u8]) -> bool {
    let mut tchars = true;
    for &b in text {
        tchars &= TCHAR[usize::from(b)];
    }
    tchars && !text.is_empty()
}

/// `tchar` (RFC 9110 §5.6.2) by byte: status-codes' one definition, as a table.
const TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0;
    loop {
        table[b as usize] = status_codes::syntax::is_tchar(b);
        if b == u8::MAX {
            break;
        }
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    const CANDIDATES: &[&str] = &["application/problem+json", "text/html; charset=utf-8"];

    fn pick(accept: &[&str]) -> usize {
        let values: Vec<HeaderValue> = accept
            .iter()
            .map(|text| HeaderValue::from_str(text).unwrap())
            .collect();
        choose(values.iter(), CANDIDATES.iter().copied())
    }

    #[test]
    fn a_browser_gets_html_and_everything_else_the_first_candidate() {
        let chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
        assert_eq!(pick(&[chromium]), 1);
        assert_eq!(pick(&[]), 0);
        assert_eq!(pick(&["*/*"]), 0);
        assert_eq!(pick(&["application/problem+json"]), 0);
        assert_eq!(pick(&["application/json, text/html;q=0.9"]), 0);
        assert_eq!(pick(&["text/*"]), 1);
        assert_eq!(pick(&["image/png"]), 0);
    }

    #[test]
    fn quality_values_and_specificity_decide() {
        assert_eq!(pick(&["application/problem+json;q=0.5, text/html"]), 1);
        assert_eq!(pick(&["text/html;q=0, */*"]), 0);
        assert_eq!(pick(&["*/*;q=0.1, text/html;q=0.2"]), 1);
        // The most specific range decides, even with a lower weight than a broader one.
        assert_eq!(pick(&["text/*;q=1, text/html;q=0.001, */*;q=0.5"]), 0);
        assert_eq!(
            pick(&["text/html;charset=UTF-8;q=0.9, application/*;q=0.8"]),
            1
        );
        assert_eq!(pick(&["text/html;level=1, application/*;q=0.8"]), 0);
        // A range named twice: its first weight counts.
        assert_eq!(
            pick(&["text/html;q=0.1, application/problem+json;q=0.5, text/html"]),
            0
        );
        // Two fields are one list.
        assert_eq!(pick(&["application/problem+json;q=0.1", "text/html"]), 1);
    }

    #[test]
    fn parameters_before_the_weight_are_matched_whole() {
        let pick_among = |accept: &str, candidates: &[&str]| {
            let value = HeaderValue::from_str(accept).unwrap();
            choose([value].iter(), candidates.iter().copied())
        };
        let two = ["application/problem+json", "text/x; a=1; charset=utf-8"];
        let accept = "text/x;a=1;charset=utf-8;q=0.5, application/problem+json;q=0.4";
        assert_eq!(pick_among(accept, &two), 1);
        // Empty parameters before the weight do not shorten the ones after them.
        let one = ["application/problem+json", "text/x;a=12"];
        assert_eq!(pick_among("text/x;;;a=12;q=0.5, */*;q=0.4", &one), 1);
        assert_eq!(pick_among("text/x;;;a=1;q=0.5, */*;q=0.4", &one), 0);
    }

    #[test]
    fn a_media_type_is_two_tokens() {
        assert!(is_media_type("text/html; charset=utf-8"));
        assert!(is_media_type("application/vnd.shop.error+json"));
        for text in [
            "text/",
            "/html",
            "text/h tml",
            "te(xt/html",
            "text/html/x",
            "html",
        ] {
            assert!(!is_media_type(text), "{text}");
        }
    }

    #[test]
    fn malformed_members_are_skipped() {
        for accept in [
            "text/html;q=2",
            "text/html;q=0.5555",
            "text/html;q=",
            "text/html;q=x",
            "text/html;=1",
            "text/ html",
            "text",
            "*/html",
            ";;;,,,",
            "text/html;q=1.5",
        ] {
            let value = HeaderValue::from_bytes(accept.as_bytes()).unwrap();
            assert_eq!(
                choose([value].iter(), CANDIDATES.iter().copied()),
                0,
                "{accept}"
            );
        }
        assert_eq!(pick(&["text/html;q=2, text/*;q=0.5"]), 1);
        // Skipped, not read as the range they resemble: an empty subtype would match any type
        // without a structured suffix (its suffix is empty too), and `*/*` answers before its
        // parameters are looked at.
        assert_eq!(pick(&["text/"]), 0);
        assert_eq!(pick(&["text/html;q=0.5, */*;=x"]), 1);
        assert_eq!(pick(&["text/html;q=0.5, */*;a b=x"]), 1);
        // A wildcard type needs a wildcard subtype: `*/html` is no range at all.
        assert_eq!(pick(&["*/html;q=0.5, application/problem+json;q=0.1"]), 0);
        let not_text = HeaderValue::from_bytes(b"text/html\xff").unwrap();
        assert_eq!(choose([not_text].iter(), CANDIDATES.iter().copied()), 0);
    }

    #[test]
    fn weights_are_read_to_the_thousandth() {
        assert_eq!(weight(b"0"), Some(0));
        assert_eq!(weight(b"0.5"), Some(500));
        assert_eq!(weight(b"0.125"), Some(125));
        assert_eq!(weight(b"0.05"), Some(50));
        assert_eq!(weight(b"1"), Some(1000));
        assert_eq!(weight(b"1.000"), Some(1000));
        assert_eq!(weight(b"1.001"), None);
        assert_eq!(weight(b"0.1234"), None);
        assert_eq!(weight(b".5"), None);
    }
}
