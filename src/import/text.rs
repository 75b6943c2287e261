//! Turns a file in any encoding into a UTF-8 byte stream, a buffer at a
//! time, so a file of any size is read in constant memory. A byte-order
//! mark is removed (and wins over the guessed encoding); bytes that are not
//! valid in the encoding become U+FFFD instead of stopping the import, and
//! where each was in the file is kept, so the row holding it can be
//! reported (with that place) instead of stored with a falsified name.

use std::collections::VecDeque;
use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

const IN_SIZE: usize = 16 * 1024;
const OUT_SIZE: usize = 64 * 1024;
/// Room always kept at the end of the output for a U+FFFD.
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

/// Text read from a file, telling where bytes it could not read were.
pub trait Source: Read {
    /// The file offset of the first unreadable byte whose U+FFFD is among
    /// the first `decoded` bytes handed out; those before are forgotten.
    fn unreadable_before(&mut self, _decoded: u64) -> Option<u64> {
        None
    }
}

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
    /// Bytes of the file given to the decoder so far.
    consumed: u64,
    /// Bytes of text made before the current output buffer.
    made: u64,
    /// (where in the text the U+FFFD is, where in the file the bad byte is).
    unreadable: VecDeque<(u64, u64)>,
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
            consumed: 0,
            made: 0,
            unreadable: VecDeque::new(),
        }
    }

    /// Decodes the next piece of input into the (empty) output buffer.
    fn decode(&mut self) {
        self.made += self.out_end as u64;
        let room = OUT_SIZE - REPLACEMENT.len();
        let (result, read, mut written) = self.decoder.decode_to_utf8_without_replacement(
            &self.input[self.in_start..self.in_end],
            &mut self.output[..room],
            self.eof,
        );
        self.in_start += read;
        self.consumed += read as u64;
        match result {
            DecoderResult::InputEmpty if self.eof => self.finished = true,
            DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                // The bad bytes end `after` bytes before what was consumed.
                let at = self.consumed - u64::from(after) - u64::from(bad);
                self.unreadable.push_back((self.made + written as u64, at));
                self.output[written..written + REPLACEMENT.len()].copy_from_slice(REPLACEMENT);
                written += REPLACEMENT.len();
            }
        }
        self.out_start = 0;
        self.out_end = written;
    }
}

impl<R: Read> Source for DecodingReader<R> {
    fn unreadable_before(&mut self, decoded: u64) -> Option<u64> {
        let mut first = None;
        while let Some(&(text_at, file_at)) = self.unreadable.front() {
            if text_at >= decoded {
                break;
            }
            first.get_or_insert(file_at);
            self.unreadable.pop_front();
        }
        first
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
            self.decode();
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

    /// The decoded text, and for each U+FFFD that stands for bad bytes,
    /// the file offset `unreadable_before` gives right after it.
    fn unreadable(bytes: &[u8], encoding: &'static Encoding) -> (String, Vec<u64>) {
        let mut reader = DecodingReader::new(Trickle(bytes), encoding);
        let mut text = Vec::new();
        let mut found = Vec::new();
        let mut byte = [0u8; 1];
        while reader.read(&mut byte).unwrap() == 1 {
            text.push(byte[0]);
            found.extend(reader.unreadable_before(text.len() as u64));
        }
        (String::from_utf8(text).unwrap(), found)
    }

    #[test]
    fn where_the_bad_bytes_were_is_kept() {
        let (text, at) = unreadable("Rugbrød\n".as_bytes(), encoding_rs::UTF_8);
        assert_eq!((text.as_str(), at), ("Rugbrød\n", vec![]));
        let (text, at) = unreadable(b"ab\xffc\xf8d\n\xe2\x82", encoding_rs::UTF_8);
        assert_eq!(text, "ab\u{fffd}c\u{fffd}d\n\u{fffd}");
        assert_eq!(at, vec![2, 4, 7], "the cut € at the end counts too");
        // After a byte-order mark the offsets still count from the file's start.
        let (_, at) = unreadable(b"\xef\xbb\xbfa\x80", encoding_rs::UTF_8);
        assert_eq!(at, vec![4]);
        // A genuine U+FFFD in the file is text, not a bad byte.
        let (_, at) = unreadable("a\u{fffd}b".as_bytes(), encoding_rs::UTF_8);
        assert!(at.is_empty());
    }

    #[test]
    fn bad_bytes_in_a_large_input_are_all_found() {
        let mut bytes = "ž".repeat(50_000).into_bytes();
        // The second byte of a "ž" changed: its first byte stands alone.
        bytes[40_001] = b'x';
        bytes[99_999] = b'y';
        let mut reader = DecodingReader::new(&bytes[..], encoding_rs::UTF_8);
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        let found: Vec<Option<u64>> = text
            .match_indices('\u{fffd}')
            .map(|(i, r)| reader.unreadable_before((i + r.len()) as u64))
            .collect();
        assert_eq!(found, vec![Some(40_000), Some(99_998)]);
    }

    #[test]
    fn large_input_streams_through() {
        let text = "ž".repeat(100_000);
        assert_eq!(decode(text.as_bytes(), encoding_rs::UTF_8), text);
    }
}
