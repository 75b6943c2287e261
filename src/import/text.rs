//! Turns a file in any encoding into a UTF-8 byte stream, a buffer at a
//! time, so a file of any size is read in constant memory. A byte-order
//! mark is removed (and wins over the guessed encoding); bytes that are not
//! valid in the encoding become U+FFFD instead of stopping the import.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

const IN_SIZE: usize = 16 * 1024;
const OUT_SIZE: usize = 64 * 1024;

pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Box<[u8]>,
    in_start: usize,
    in_end: usize,
    eof: bool,
    finished: bool,
    output: Box<[u8]>,
    out_start: usize,
    out_end: usize,
}

impl<R: Read> DecodingReader<R> {
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder(),
            input: vec![0; IN_SIZE].into_boxed_slice(),
            in_start: 0,
            in_end: 0,
            eof: false,
            finished: false,
            output: vec![0; OUT_SIZE].into_boxed_slice(),
            out_start: 0,
            out_end: 0,
        }
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.out_end {
                let n = buf.len().min(self.out_end - self.out_start);
                buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
                self.out_start += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            if self.in_start == self.in_end && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.in_start = 0;
                self.in_end = n;
                self.eof = n == 0;
            }
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.in_start..self.in_end],
                &mut self.output,
                self.eof,
            );
            self.in_start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out one byte per read, to cut every multi-byte character.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.is_empty()) {
                (Some((b, rest)), false) => {
                    buf[0] = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn decode(bytes: &[u8], encoding: &'static Encoding) -> String {
        let mut out = String::new();
        DecodingReader::new(Trickle(bytes), encoding)
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn legacy_encodings_become_utf8() {
        assert_eq!(decode(b"Caf\xe9", encoding_rs::WINDOWS_1252), "Café");
        assert_eq!(
            decode(b"\xf9\xec\xe5\xed", encoding_rs::WINDOWS_1255),
            "שלום"
        );
        assert_eq!(decode(b"\xc4\xe3\xba\xc3", encoding_rs::GBK), "你好");
    }

    #[test]
    fn bom_is_removed_and_wins() {
        assert_eq!(
            decode(b"\xef\xbb\xbfDato;Bel\xc3\xb8b", encoding_rs::WINDOWS_1252),
            "Dato;Beløb"
        );
        assert_eq!(decode(b"\xff\xfeA\x00B\x00", encoding_rs::UTF_8), "AB");
    }

    #[test]
    fn broken_bytes_are_replaced_not_fatal() {
        assert_eq!(decode(b"a\xffb", encoding_rs::UTF_8), "a\u{fffd}b");
    }

    #[test]
    fn large_input_streams_through() {
        let text = "ž".repeat(100_000);
        assert_eq!(decode(text.as_bytes(), encoding_rs::UTF_8), text);
    }
}
