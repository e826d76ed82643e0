//! The contract tables of derived types, as the derive writes them: one string per type,
//! decoded into [`Contract`]s on the first call of `contract()` or `contracts()`.
//!
//! Why a string: a table written as Rust expressions (a `const` of nested struct values per
//! variant) is type-checked and borrow-checked in every user's build, and that was most of
//! what the derive cost a crate to compile (BENCHMARKS.md). A string literal costs nothing
//! to compile; decoding it costs one pass over it, once per type, at run time, and only for
//! programs that read contracts (documentation and OpenAPI generators, logging).
//!
//! The format, version 3 (written by `status-derive`'s `contract_table.rs`; both sides must
//! agree: status-core depends on exactly its own release of the derive, and the constructor's
//! name carries the version, so that code written for another format does not compile):
//!
//! ```text
//! table    = str(type name) *entry
//! entry    = "O" own / "T" opt(variant) str(field type)
//! own      = opt(variant) num(status) str(reason) optnum(concealed) log opt(description)
//!            num(count) count*header body
//! log      = "O" / "E" / "W" / "I" / "D" / "T"
//! header   = str(name) ("S" / "T" / "F") str
//! body     = "E" / "F" str / "P" str(type) str(title) detail opt(instance) num(count) count*str
//!            num(count) count*(str(name) str(JSON value))
//! detail   = "D" / "H" / "S" str
//! str      = num-digits ":" that-many-bytes
//! opt      = "-" / "+" str
//! optnum   = "-" / "+" num
//! num      = digits ";"
//! ```
//!
//! A transparent entry's field type supplies its contracts at run time (a function pointer per
//! transparent entry, in order, passed to [`ContractTable::variants`]).

use std::sync::{Mutex, OnceLock, PoisonError};

use http::StatusCode;

use crate::contract::{
    BodyContract, Contract, DetailSource, HeaderContract, HeaderSource, LogLevel, ProblemContract,
    VariantContract,
};

/// The contracts of a field's type, for a transparent entry.
pub type Contracts = fn() -> &'static [VariantContract];

/// The format a field's type names, for a transparent entry.
pub type FormatOf = fn() -> Option<&'static dyn crate::format::ResponseFormat>;

/// What a transparent entry's field type supplies: its contracts and its format.
pub type Transparent = (Contracts, FormatOf);

/// One derived type's contract table: the encoded string, decoded once.
pub struct ContractTable {
    encoded: &'static str,
    decoded: OnceLock<Decoded>,
    /// The entries, per list of transparent functions: one list for a type without generic
    /// parameters, one per instantiation otherwise (a `static` is shared by all of them).
    variants: Mutex<Vec<(Vec<Transparent>, &'static [VariantContract])>>,
    /// The fallback contracts of classified variants whose classifier answered outside their
    /// set, made on first use: the fallback 500, with the type's and the variant's names.
    outside_set: Mutex<Vec<&'static Contract>>,
}

/// A table as decoded: its own contracts, and the order of own and transparent entries.
struct Decoded {
    type_name: &'static str,
    own: &'static [Contract],
    entries: Vec<Entry>,
}

/// One entry of a table: the index of an own contract, or a transparent entry's names.
enum Entry {
    Own(usize),
    Transparent {
        variant: Option<&'static str>,
        field_type: &'static str,
    },
}

/// What `contract()` answers if a table did not decode (a derive and a runtime of different
/// releases): a bare 500, never a panic. It is also the contract of the fallback 500 itself
/// (`fallback_response()`), which has no type: its `type_name` is empty.
pub(crate) static UNDECODABLE: Contract = Contract {
    type_name: "",
    variant: None,
    status: StatusCode::INTERNAL_SERVER_ERROR,
    reason: "Internal Server Error",
    concealed: None,
    headers: &[],
    body: BodyContract::Problem(ProblemContract {
        type_uri: "about:blank",
        title: "Internal Server Error",
        detail: DetailSource::Hidden,
        instance: None,
        extensions: &[],
        fixed_extensions: &[],
    }),
    log: LogLevel::Error,
    description: None,
};

impl ContractTable {
    /// A table over `encoded`, in format version 3; nothing is decoded yet.
    pub const fn v3(encoded: &'static str) -> Self {
        ContractTable {
            encoded,
            decoded: OnceLock::new(),
            variants: Mutex::new(Vec::new()),
            outside_set: Mutex::new(Vec::new()),
        }
    }

    /// The `index`th own (not transparent) contract of the table.
    pub fn own(&'static self, index: usize) -> &'static Contract {
        self.decoded().own.get(index).unwrap_or(&UNDECODABLE)
    }

    /// The contract of `variant` when its classifier answered outside its status set: the
    /// fallback 500 it then answers, named for its type and variant (what the log says).
    #[cold]
    pub fn outside_set(&'static self, variant: Option<&'static str>) -> &'static Contract {
        let type_name = self.decoded().type_name;
        let mut made = self
            .outside_set
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(contract) = made.iter().find(|contract| contract.variant == variant) {
            return contract;
        }
        let contract: &'static Contract = Box::leak(Box::new(Contract {
            type_name,
            variant,
            ..UNDECODABLE
        }));
        made.push(contract);
        contract
    }

    /// How many own and transparent entries the table holds, `None` if it does not decode: what
    /// the derive's property tests compare with the code generated beside it.
    pub fn counts(&'static self) -> Option<(usize, usize)> {
        let decoded = self.decoded();
        if decoded.type_name.is_empty() {
            return None;
        }
        let own = decoded.own.len();
        Some((own, decoded.entries.len() - own))
    }

    /// Every entry of the table, in order, with `transparent[i]` giving the contracts and the
    /// format of the `i`th transparent entry's field type.
    pub fn variants(&'static self, transparent: &[Transparent]) -> &'static [VariantContract] {
        let same = |key: &Vec<Transparent>| {
            key.len() == transparent.len()
                && key
                    .iter()
                    .zip(transparent)
                    .all(|(a, b)| std::ptr::fn_addr_eq(a.0, b.0))
        };
        // A panic elsewhere while the lock was held leaves a valid list: ignore the poison.
        let mut cache = self.variants.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, entries)) = cache.iter().find(|(key, _)| same(key)) {
            return entries;
        }
        let decoded = self.decoded();
        let mut transparent_contracts = transparent.iter();
        let entries: Vec<VariantContract> = decoded
            .entries
            .iter()
            .map_while(|entry| match *entry {
                Entry::Own(index) => decoded.own.get(index).map(VariantContract::Own),
                Entry::Transparent {
                    variant,
                    field_type,
                } => transparent_contracts.next().map(|&(contracts, format)| {
                    VariantContract::Transparent {
                        type_name: decoded.type_name,
                        variant,
                        field_type,
                        contracts,
                        format,
                    }
                }),
            })
            .collect();
        // Kept for the program's life: one list per type, or per instantiation of a generic one
        // (more only if one function has several addresses, as it may across codegen units).
        let entries: &'static [VariantContract] = Box::leak(entries.into_boxed_slice());
        cache.push((transparent.to_vec(), entries));
        entries
    }

    fn decoded(&self) -> &Decoded {
        self.decoded.get_or_init(|| {
            decode(self.encoded).unwrap_or(Decoded {
                type_name: "",
                own: &[],
                entries: Vec::new(),
            })
        })
    }
}

impl std::fmt::Debug for ContractTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContractTable")
            .field("encoded", &self.encoded)
            .finish_non_exhaustive()
    }
}

/// Decodes a whole table; its contracts and their slices are allocated once per type, here,
/// and kept for the program's life, like the `static` values they stand for.
fn decode(encoded: &'static str) -> Option<Decoded> {
    let mut reader = Reader { rest: encoded };
    let type_name = reader.str()?;
    let (mut own, mut entries) = (Vec::new(), Vec::new());
    while !reader.rest.is_empty() {
        entries.push(match reader.byte()? {
            b'O' => {
                own.push(reader.own(type_name)?);
                Entry::Own(own.len() - 1)
            }
            b'T' => Entry::Transparent {
                variant: reader.opt()?,
                field_type: reader.str()?,
            },
            _ => return None,
        });
    }
    Some(Decoded {
        type_name,
        own: leak(own),
        entries,
    })
}

struct Reader {
    rest: &'static str,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.rest.as_bytes().first()?;
        self.rest = self.rest.get(1..)?;
        Some(byte)
    }

    fn digits(&mut self, end: u8) -> Option<usize> {
        let len = self.rest.bytes().position(|b| b == end)?;
        let number = self.rest.get(..len)?.parse().ok()?;
        self.rest = self.rest.get(len + 1..)?;
        Some(number)
    }

    fn num(&mut self) -> Option<usize> {
        self.digits(b';')
    }

    fn str(&mut self) -> Option<&'static str> {
        let len = self.digits(b':')?;
        let text = self.rest.get(..len)?;
        self.rest = self.rest.get(len..)?;
        Some(text)
    }

    fn opt(&mut self) -> Option<Option<&'static str>> {
        match self.byte()? {
            b'-' => Some(None),
            b'+' => self.str().map(Some),
            _ => None,
        }
    }

    fn status(&mut self) -> Option<StatusCode> {
        let code = u16::try_from(self.num()?).ok()?;
        StatusCode::from_u16(code).ok()
    }

    fn strs(&mut self) -> Option<&'static [&'static str]> {
        let count = self.num()?;
        let strs = (0..count).map(|_| self.str()).collect::<Option<Vec<_>>>()?;
        Some(leak(strs))
    }

    fn own(&mut self, type_name: &'static str) -> Option<Contract> {
        let variant = self.opt()?;
        let status = self.status()?;
        let reason = self.str()?;
        let concealed = match self.byte()? {
            b'-' => None,
            b'+' => Some(self.status()?),
            _ => return None,
        };
        let log = self.log()?;
        let description = self.opt()?;
        let count = self.num()?;
        let headers = (0..count)
            .map(|_| {
                let name = self.str()?;
                let source = match self.byte()? {
                    b'S' => HeaderSource::Static(self.str()?),
                    b'T' => HeaderSource::Template(self.str()?),
                    b'F' => HeaderSource::Field(self.str()?),
                    _ => return None,
                };
                Some(HeaderContract { name, source })
            })
            .collect::<Option<Vec<_>>>()?;
        let body = self.body()?;
        Some(Contract {
            type_name,
            variant,
            status,
            reason,
            concealed,
            headers: leak(headers),
            body,
            log,
            description,
        })
    }

    fn log(&mut self) -> Option<LogLevel> {
        Some(match self.byte()? {
            b'O' => LogLevel::Off,
            b'E' => LogLevel::Error,
            b'W' => LogLevel::Warn,
            b'I' => LogLevel::Info,
            b'D' => LogLevel::Debug,
            b'T' => LogLevel::Trace,
            _ => return None,
        })
    }

    fn body(&mut self) -> Option<BodyContract> {
        Some(match self.byte()? {
            b'E' => BodyContract::Empty,
            b'F' => BodyContract::Field(self.str()?),
            b'P' => BodyContract::Problem(self.problem()?),
            _ => return None,
        })
    }

    fn problem(&mut self) -> Option<ProblemContract> {
        let type_uri = self.str()?;
        let title = self.str()?;
        let detail = match self.byte()? {
            b'D' => DetailSource::Display,
            b'H' => DetailSource::Hidden,
            b'S' => DetailSource::Static(self.str()?),
            _ => return None,
        };
        let instance = self.opt()?;
        let extensions = self.strs()?;
        let count = self.num()?;
        let fixed = (0..count)
            .map(|_| Some((self.str()?, self.str()?)))
            .collect::<Option<Vec<_>>>()?;
        Some(ProblemContract {
            type_uri,
            title,
            detail,
            instance,
            extensions,
            fixed_extensions: leak(fixed),
        })
    }
}

/// A slice kept for the program's life (decoded once per type); an empty one allocates nothing.
fn leak<T>(items: Vec<T>) -> &'static [T] {
    if items.is_empty() {
        return &[];
    }
    Box::leak(items.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: ContractTable = ContractTable::v3(concat!(
        "10:OrderError",
        "O+8:NotFound404;9:Not Found-D+13:No such order0;P11:about:blank9:Not FoundD-0;0;",
        "O+6:Placed303;9:See Other-O-1;8:locationT18:/order-result/{id}E",
        "O+4:Gone404;9:Not Found+410;W-0;P11:about:blank9:Not FoundH-2;5:items4:code1;4:code6:\"gone\"",
        "T+7:Payment12:PaymentError",
    ));

    fn no_format() -> Option<&'static dyn crate::format::ResponseFormat> {
        None
    }

    fn payment() -> &'static [VariantContract] {
        &[]
    }

    #[test]
    fn a_table_shows_its_encoded_text() {
        static SMALL: ContractTable = ContractTable::v3("5:Empty");
        assert_eq!(
            format!("{SMALL:?}"),
            r#"ContractTable { encoded: "5:Empty", .. }"#
        );
    }

    #[test]
    fn a_table_decodes_to_its_contracts() {
        let not_found = TABLE.own(0);
        assert_eq!(not_found.type_name, "OrderError");
        assert_eq!(not_found.variant, Some("NotFound"));
        assert_eq!(not_found.status, 404);
        assert_eq!(not_found.headers, &[]);
        assert_eq!(not_found.description, Some("No such order"));
        let placed = TABLE.own(1);
        assert_eq!(
            placed.headers,
            &[HeaderContract {
                name: "location",
                source: HeaderSource::Template("/order-result/{id}")
            }]
        );
        assert_eq!(placed.body, BodyContract::Empty);
        let gone = TABLE.own(2);
        assert_eq!(gone.concealed, Some(StatusCode::GONE));
        let BodyContract::Problem(problem) = gone.body else {
            panic!("{gone:?}")
        };
        assert_eq!(problem.detail, DetailSource::Hidden);
        assert_eq!(problem.extensions, &["items", "code"]);
        assert_eq!(problem.fixed_extensions, &[("code", "\"gone\"")]);
        assert_eq!(gone.log, LogLevel::Warn);
        assert_eq!(not_found.log, LogLevel::Debug);
        let variants = TABLE.variants(&[(payment, no_format)]);
        assert_eq!(variants.len(), 4);
        assert!(matches!(
            variants[3],
            VariantContract::Transparent {
                variant: Some("Payment"),
                field_type: "PaymentError",
                ..
            }
        ));
        assert_eq!(TABLE.counts(), Some((3, 1)));
        // Decoded once: the same slice again.
        assert!(std::ptr::eq(
            variants,
            TABLE.variants(&[(payment, no_format)])
        ));
    }

    #[test]
    fn counts_are_own_and_transparent_entries() {
        static MOSTLY_TRANSPARENT: ContractTable = ContractTable::v3(concat!(
            "10:OrderError",
            "O+8:NotFound404;9:Not Found-D+13:No such order0;P11:about:blank9:Not FoundD-0;0;",
            "T+7:Payment12:PaymentError",
            "T+5:Stock10:StockError",
        ));
        assert_eq!(MOSTLY_TRANSPARENT.counts(), Some((1, 2)));
    }

    #[test]
    fn an_undecodable_table_answers_a_bare_500_without_panicking() {
        static BROKEN: ContractTable = ContractTable::v3("10:OrderErrorO+8:NotFound40");
        assert_eq!(BROKEN.own(0), &UNDECODABLE);
        assert_eq!(BROKEN.own(7), &UNDECODABLE);
        assert!(BROKEN.variants(&[]).is_empty());
        assert_eq!(BROKEN.counts(), None);
        static TRUNCATED: ContractTable = ContractTable::v3("99:x");
        assert_eq!(TRUNCATED.own(0), &UNDECODABLE);
    }
}
