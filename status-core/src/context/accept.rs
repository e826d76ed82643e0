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
/// matches `application/problem+json`, RFC 6839) over `text/*` over `*/*`.
pub(crate) fn choose<'a>(
    accept: impl Iterator<Item = &'a HeaderValue> + Clone,
    candidates: &[&str],
) -> usize {
    let mut best = (0, 0);
    for (index, candidate) in candidates.iter().enumerate() {
        let Some(candidate) = MediaType::parse(candidate) else {
            continue;
        };
        let quality = quality(accept.clone(), &candidate);
        if quality > best.1 {
            best = (index, quality);
        }
    }
    best.0
}

/// The quality (0..=1000) `accept` gives `candidate`: that of its most specific matching range.
fn quality<'a>(accept: impl Iterator<Item = &'a HeaderValue>, candidate: &MediaType<'_>) -> u16 {
    let mut best: Option<(u8, u16)> = None;
    let ranges = accept
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(MediaRange::parse);
    for range in ranges {
        if let Some(specificity) = range.matches(candidate) {
            if best.is_none_or(|(most, _)| specificity > most) {
                best = Some((specificity, range.quality));
            }
        }
    }
    best.map_or(0, |(_, quality)| quality)
}

/// A media type: `type/subtype` and its parameters, as a format names its content.
struct MediaType<'a> {
    kind: &'a str,
    subtype: &'a str,
    parameters: &'a str,
}

impl<'a> MediaType<'a> {
    fn parse(text: &'a str) -> Option<Self> {
        let (essence, parameters) = text.split_once(';').unwrap_or((text, ""));
        let (kind, subtype) = essence.trim().split_once('/')?;
        (is_token(kind) && is_token(subtype)).then_some(MediaType {
            kind,
            subtype,
            parameters,
        })
    }

    /// Whether it has parameter `name` with `value` (both compared without case).
    fn has_parameter(&self, name: &str, value: &str) -> bool {
        parameters(self.parameters)
            .any(|(n, v)| n.eq_ignore_ascii_case(name) && v.eq_ignore_ascii_case(value))
    }
}

/// One member of `Accept`: a media range and its weight.
struct MediaRange<'a> {
    kind: &'a str,
    subtype: &'a str,
    /// The parameters before `q`, unparsed.
    parameters: &'a str,
    /// `q` times 1000.
    quality: u16,
}

impl<'a> MediaRange<'a> {
    /// `None` for a member that is not `type/subtype` with well-formed parameters and weight.
    fn parse(member: &'a str) -> Option<Self> {
        let member = member.trim_matches([' ', '\t']);
        let (essence, rest) = member.split_once(';').unwrap_or((member, ""));
        let (kind, subtype) = essence.trim_end_matches([' ', '\t']).split_once('/')?;
        if !(is_token(kind) && is_token(subtype)) || (kind == "*" && subtype != "*") {
            return None;
        }
        let mut quality = 1000;
        let mut before_weight = rest.len();
        let mut offset = 0;
        for parameter in rest.split(';') {
            if parameter.trim_matches([' ', '\t']).is_empty() {
                offset += parameter.len() + 1;
                continue;
            }
            let (name, value) = parameter.split_once('=')?;
            let name = name.trim_matches([' ', '\t']);
            let value = value.trim_matches([' ', '\t']);
            if !is_token(name) || value.is_empty() {
                return None;
            }
            if name.eq_ignore_ascii_case("q") {
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
        if self.kind == "*" {
            return Some(0);
        }
        if !self.kind.eq_ignore_ascii_case(candidate.kind) {
            return None;
        }
        if self.subtype == "*" {
            return Some(1);
        }
        let exact = self.subtype.eq_ignore_ascii_case(candidate.subtype);
        let suffix = candidate
            .subtype
            .rsplit_once('+')
            .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case(self.subtype));
        if !exact && !suffix {
            return None;
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
fn parameters(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split(';').filter_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        let value = value.trim_matches([' ', '\t']);
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some((name.trim_matches([' ', '\t']), value))
    })
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, times 1000.
fn weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        let scale = [100, 10, 1][i];
        thousandths += u16::from(digit - b'0') * scale;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// `token = 1*tchar` (RFC 9110 §5.6.2).
fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANDIDATES: &[&str] = &["application/problem+json", "text/html; charset=utf-8"];

    fn pick(accept: &[&str]) -> usize {
        let values: Vec<HeaderValue> = accept
            .iter()
            .map(|text| HeaderValue::from_str(text).unwrap())
            .collect();
        choose(values.iter(), CANDIDATES)
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
        // Two fields are one list.
        assert_eq!(pick(&["application/problem+json;q=0.1", "text/html"]), 1);
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
            assert_eq!(choose([value].iter(), CANDIDATES), 0, "{accept}");
        }
        assert_eq!(pick(&["text/html;q=2, text/*;q=0.5"]), 1);
        let not_text = HeaderValue::from_bytes(b"text/html\xff").unwrap();
        assert_eq!(choose([not_text].iter(), CANDIDATES), 0);
    }

    #[test]
    fn weights_are_read_to_the_thousandth() {
        assert_eq!(weight("0"), Some(0));
        assert_eq!(weight("0.5"), Some(500));
        assert_eq!(weight("0.125"), Some(125));
        assert_eq!(weight("0.05"), Some(50));
        assert_eq!(weight("1"), Some(1000));
        assert_eq!(weight("1.000"), Some(1000));
        assert_eq!(weight("1.001"), None);
        assert_eq!(weight("0.1234"), None);
        assert_eq!(weight(".5"), None);
    }
}
