//! The binary model format: little-endian fields after a magic string naming the model kind
//! and format version. Reading checks every length against the bytes present, so a truncated
//! or foreign file is an error naming the file and offset, never a panic.

use std::path::{Path, PathBuf};

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: corrupt model at byte {offset}: {message}")]
    Corrupt {
        file: String,
        offset: usize,
        message: String,
    },
}

/// Accumulates a model's bytes.
#[derive(Default)]
pub struct ModelWriter {
    bytes: Vec<u8>,
}

impl ModelWriter {
    pub fn new() -> ModelWriter {
        ModelWriter::default()
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    pub fn u16(&mut self, v: u16) {
        self.raw(&v.to_le_bytes());
    }

    pub fn u32(&mut self, v: u32) {
        self.raw(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.raw(&v.to_le_bytes());
    }

    pub fn f32(&mut self, v: f32) {
        self.raw(&v.to_le_bytes());
    }

    /// An unsigned LEB128 integer: one byte below 128, more only as needed.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.u8((v as u8) | 0x80);
            v >>= 7;
        }
        self.u8(v as u8);
    }

    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.raw(s.as_bytes());
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Writes the model to `path`, creating its directory.
    pub fn save(self, path: &Path) -> Result<(), ModelError> {
        let io = |source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(path, &self.bytes).map_err(io)
    }
}

/// Reads fields from a model's bytes, failing cleanly past the end.
pub struct ModelReader<'a> {
    bytes: &'a [u8],
    pos: usize,
    file: &'a str,
}

impl<'a> ModelReader<'a> {
    pub fn new(bytes: &'a [u8], file: &'a str) -> ModelReader<'a> {
        ModelReader {
            bytes,
            pos: 0,
            file,
        }
    }

    /// An error at the current offset.
    pub fn corrupt(&self, message: &str) -> ModelError {
        ModelError::Corrupt {
            file: self.file.to_string(),
            offset: self.pos,
            message: message.to_string(),
        }
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub fn raw(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.remaining() < n {
            return Err(self.corrupt("file ends early"));
        }
        let out = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.raw(N)?);
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.corrupt("integer too long"))
    }

    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let bytes = self.raw(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.corrupt("string is not UTF-8"))
    }

    /// A length-prefixed list of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        let mut out = Vec::with_capacity(n.min(self.remaining() / 4));
        for _ in 0..n {
            out.push(self.str()?);
        }
        Ok(out)
    }

    /// Checks the magic string that opens every model file.
    pub fn expect_magic(&mut self, magic: &[u8]) -> Result<(), ModelError> {
        let found = self
            .raw(magic.len())
            .map_err(|_| self.corrupt("not a petrel model"))?;
        if found != magic {
            return Err(ModelError::Corrupt {
                file: self.file.to_string(),
                offset: 0,
                message: format!(
                    "not a {} file (wrong magic or format version)",
                    String::from_utf8_lossy(magic)
                ),
            });
        }
        Ok(())
    }

    /// Fails unless every byte was read.
    pub fn finish(&self) -> Result<(), ModelError> {
        if self.remaining() != 0 {
            return Err(self.corrupt("trailing bytes after the model"));
        }
        Ok(())
    }
}

impl ModelWriter {
    /// A length-prefixed list of strings.
    pub fn strings(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }
}

/// Reads a whole model file.
pub fn load_bytes(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip() {
        let mut w = ModelWriter::new();
        w.raw(b"MAGIC");
        w.u8(7);
        w.u16(300);
        w.u32(70000);
        w.u64(1 << 40);
        w.f32(1.5);
        for v in [0, 127, 128, 300, u64::MAX] {
            w.varint(v);
        }
        w.strings(&["a".to_string(), "bé".to_string()]);
        let bytes = w.into_bytes();
        let mut r = ModelReader::new(&bytes, "t");
        r.expect_magic(b"MAGIC").unwrap();
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.u16().unwrap(), 300);
        assert_eq!(r.u32().unwrap(), 70000);
        assert_eq!(r.u64().unwrap(), 1 << 40);
        assert_eq!(r.f32().unwrap(), 1.5);
        for v in [0, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert_eq!(r.strings().unwrap(), vec!["a", "bé"]);
        r.finish().unwrap();
    }

    #[test]
    fn wrong_magic_and_short_input_are_errors() {
        let mut r = ModelReader::new(b"NOPE", "f.bin");
        let e = r.expect_magic(b"MAGIC").unwrap_err().to_string();
        assert!(e.starts_with("f.bin:"), "{e}");
        let mut r = ModelReader::new(&[1, 0, 0, 0], "f.bin");
        assert!(r.str().is_err());
        let mut r = ModelReader::new(&[0xff, 0xff, 0xff, 0xff], "f.bin");
        assert!(r.strings().is_err());
        let mut r = ModelReader::new(&[0xff; 11], "f.bin");
        assert!(r.varint().is_err());
    }
}
