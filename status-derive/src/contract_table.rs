//! A type's contract table as one string literal, which costs a user's build nothing to
//! type-check or borrow-check (a table of nested `const` values was most of what the derive
//! cost a build: BENCHMARKS.md).
//! `status_core`'s `contract_table.rs` documents the format and decodes it at run time.

use std::fmt::Write;

use crate::attr::LogLevel;

/// Where a header field's value comes from.
#[derive(Clone, Copy)]
pub enum Source {
    Static,
    Template,
    Field,
}

/// Where a problem's `detail` comes from.
pub enum Detail<'a> {
    Display,
    Hidden,
    Static(&'a str),
}

/// What a contract's body is.
pub enum Body<'a> {
    Empty,
    Field(&'a str),
    Problem {
        type_uri: &'a str,
        title: &'a str,
        detail: Detail<'a>,
        instance: Option<&'a str>,
        extensions: &'a [String],
        /// The members fixed in the attribute: name and JSON value.
        fixed: &'a [(&'a str, &'a str)],
    },
}

/// One own contract, as `status_core::Contract` holds it.
pub struct Own<'a> {
    pub variant: Option<&'a str>,
    pub status: u16,
    pub reason: &'a str,
    pub concealed: Option<u16>,
    pub log: LogLevel,
    /// The variant's doc comment.
    pub description: Option<&'a str>,
    pub headers: &'a [(&'a str, Source, &'a str)],
    pub body: Body<'a>,
}

/// The table being written, entry by entry.
pub struct TableWriter {
    out: String,
}

impl TableWriter {
    pub fn new(type_name: &str) -> Self {
        let mut writer = TableWriter { out: String::new() };
        writer.str(type_name);
        writer
    }

    pub fn own(&mut self, own: &Own) {
        self.out.push('O');
        self.opt(own.variant);
        self.num(usize::from(own.status));
        self.str(own.reason);
        match own.concealed {
            Some(code) => {
                self.out.push('+');
                self.num(usize::from(code));
            }
            None => self.out.push('-'),
        }
        self.out.push(log_letter(own.log));
        self.opt(own.description);
        self.num(own.headers.len());
        for (name, source, value) in own.headers {
            self.str(name);
            self.out.push(match source {
                Source::Static => 'S',
                Source::Template => 'T',
                Source::Field => 'F',
            });
            self.str(value);
        }
        self.body(&own.body);
    }

    fn body(&mut self, body: &Body) {
        match body {
            Body::Empty => self.out.push('E'),
            Body::Field(name) => {
                self.out.push('F');
                self.str(name);
            }
            Body::Problem {
                type_uri,
                title,
                detail,
                instance,
                extensions,
                fixed,
            } => {
                self.out.push('P');
                self.str(type_uri);
                self.str(title);
                match detail {
                    Detail::Display => self.out.push('D'),
                    Detail::Hidden => self.out.push('H'),
                    Detail::Static(text) => {
                        self.out.push('S');
                        self.str(text);
                    }
                }
                self.opt(*instance);
                self.num(extensions.len());
                for extension in *extensions {
                    self.str(extension);
                }
                self.num(fixed.len());
                for (name, json) in *fixed {
                    self.str(name);
                    self.str(json);
                }
            }
        }
    }

    pub fn transparent(&mut self, variant: Option<&str>, field_type: &str) {
        self.out.push('T');
        self.opt(variant);
        self.str(field_type);
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn num(&mut self, number: usize) {
        // Writing to a `String` cannot fail.
        let _ = write!(self.out, "{number};");
    }

    fn str(&mut self, text: &str) {
        let _ = write!(self.out, "{}:{text}", text.len());
    }

    fn opt(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.out.push('+');
                self.str(text);
            }
            None => self.out.push('-'),
        }
    }
}

/// A log level as the table writes it.
fn log_letter(level: LogLevel) -> char {
    match level {
        LogLevel::Off => 'O',
        LogLevel::Error => 'E',
        LogLevel::Warn => 'W',
        LogLevel::Info => 'I',
        LogLevel::Debug => 'D',
        LogLevel::Trace => 'T',
    }
}
