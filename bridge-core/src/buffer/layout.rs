//! Buffer layouts: shape, strides and offset checked against a byte length.

use crate::error::BridgeError;

/// CPython's `PyBUF_MAX_NDIM`.
pub const MAX_NDIM: usize = 64;

/// A validated layout: every element it describes lies inside the bytes.
/// Strides are in bytes and never negative (a typed array cannot walk
/// backwards); a zero stride (broadcast) is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferLayout {
    itemsize: usize,
    offset: usize,
    shape: Vec<usize>,
    strides: Vec<usize>,
    len: usize,
    extent: usize,
}

fn to_usize(v: i64, what: impl FnOnce() -> String) -> Result<usize, BridgeError> {
    usize::try_from(v).map_err(|_| BridgeError::LayoutOverflow { what: what() })
}

impl BufferLayout {
    /// Validate a buffer-protocol layout: `itemsize` bytes per element,
    /// `shape` and byte `strides` as the exporter gave them (`None` means
    /// C-contiguous), the first element at byte `offset` of a buffer of
    /// `byte_len` bytes.
    pub fn new(
        itemsize: usize,
        byte_len: usize,
        offset: usize,
        shape: &[i64],
        strides: Option<&[i64]>,
    ) -> Result<Self, BridgeError> {
        if itemsize == 0 {
            return Err(BridgeError::InvalidShape {
                reason: "item size is 0".into(),
            });
        }
        if shape.len() > MAX_NDIM {
            return Err(BridgeError::InvalidShape {
                reason: format!("{} dimensions (at most {MAX_NDIM})", shape.len()),
            });
        }
        if let Some(s) = strides.filter(|s| s.len() != shape.len()) {
            return Err(BridgeError::InvalidShape {
                reason: format!("{} strides for {} dimensions", s.len(), shape.len()),
            });
        }
        let mut dims = Vec::with_capacity(shape.len());
        for (dim, &extent) in shape.iter().enumerate() {
            if extent < 0 {
                return Err(BridgeError::NegativeDimension { dim, extent });
            }
            dims.push(to_usize(extent, || {
                format!("dimension {dim} extent {extent}")
            })?);
        }
        let strides = match strides {
            Some(s) => {
                let mut out = Vec::with_capacity(s.len());
                for (dim, &stride) in s.iter().enumerate() {
                    if stride < 0 {
                        return Err(BridgeError::NegativeStride { dim, stride });
                    }
                    out.push(to_usize(stride, || {
                        format!("dimension {dim} stride {stride}")
                    })?);
                }
                out
            }
            None => c_strides(itemsize, &dims)?,
        };
        let len = dims
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d))
            .ok_or_else(|| BridgeError::LayoutOverflow {
                what: format!("element count of shape {shape:?}"),
            })?;
        let extent = if len == 0 {
            0
        } else {
            let mut last = 0usize;
            for (dim, (&d, &s)) in dims.iter().zip(&strides).enumerate() {
                last = (d - 1)
                    .checked_mul(s)
                    .and_then(|x| x.checked_add(last))
                    .ok_or_else(|| BridgeError::LayoutOverflow {
                        what: format!("byte extent at dimension {dim}"),
                    })?;
            }
            last.checked_add(itemsize)
                .ok_or_else(|| BridgeError::LayoutOverflow {
                    what: "byte extent".into(),
                })?
        };
        let needed = offset
            .checked_add(extent)
            .ok_or_else(|| BridgeError::LayoutOverflow {
                what: "offset plus byte extent".into(),
            })?;
        if needed > byte_len {
            return Err(BridgeError::BufferOutOfBounds { needed, byte_len });
        }
        Ok(BufferLayout {
            itemsize,
            offset,
            shape: dims,
            strides,
            len,
            extent,
        })
    }

    /// A C-contiguous layout filling exactly its bytes.
    pub fn contiguous(itemsize: usize, shape: &[usize]) -> Result<Self, BridgeError> {
        let strides = c_strides(itemsize.max(1), shape)?;
        let bytes = match (shape.first(), strides.first()) {
            (Some(&d), Some(&s)) => d.checked_mul(s),
            _ => Some(itemsize),
        }
        .ok_or_else(|| BridgeError::LayoutOverflow {
            what: "total byte length".into(),
        })?;
        let shape: Vec<i64> = shape
            .iter()
            .map(|&d| {
                i64::try_from(d).map_err(|_| BridgeError::LayoutOverflow {
                    what: format!("extent {d}"),
                })
            })
            .collect::<Result<_, _>>()?;
        BufferLayout::new(itemsize, bytes, 0, &shape, None)
    }

    /// Bytes per element.
    pub fn itemsize(&self) -> usize {
        self.itemsize
    }
    /// Byte offset of the first element.
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// Extent per dimension.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    /// Byte stride per dimension.
    pub fn strides(&self) -> &[usize] {
        &self.strides
    }
    /// Number of dimensions.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }
    /// No elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Bytes from the first element to the end of the last one.
    pub fn byte_extent(&self) -> usize {
        self.extent
    }

    /// Row-major with no gaps (dimensions of extent 1 ignore their stride).
    pub fn is_c_contiguous(&self) -> bool {
        contiguous_in(
            self.itemsize,
            self.len,
            self.shape.iter().zip(&self.strides).rev(),
        )
    }

    /// Column-major with no gaps.
    pub fn is_f_contiguous(&self) -> bool {
        contiguous_in(
            self.itemsize,
            self.len,
            self.shape.iter().zip(&self.strides),
        )
    }

    /// Strides in elements (what Pyodide's `getBuffer().strides` gives), or
    /// [`BridgeError::MisalignedBuffer`] when a stride is not a multiple of
    /// the item size.
    pub fn strides_in_elements(&self) -> Result<Vec<usize>, BridgeError> {
        self.strides
            .iter()
            .map(|&s| {
                if s.is_multiple_of(self.itemsize) {
                    Ok(s / self.itemsize)
                } else {
                    Err(BridgeError::MisalignedBuffer {
                        what: "stride",
                        value: s,
                        itemsize: self.itemsize,
                    })
                }
            })
            .collect()
    }

    /// `(byte_offset, length)` of a typed array viewing this buffer without
    /// a copy. Needs C-contiguity and an offset aligned to the item size (a
    /// JS typed-array requirement).
    pub fn typed_array_view(&self) -> Result<(usize, usize), BridgeError> {
        if !self.is_c_contiguous() {
            return Err(BridgeError::InvalidShape {
                reason: "not C-contiguous: a typed array needs a copy".into(),
            });
        }
        if !self.offset.is_multiple_of(self.itemsize) {
            return Err(BridgeError::MisalignedBuffer {
                what: "offset",
                value: self.offset,
                itemsize: self.itemsize,
            });
        }
        Ok((self.offset, self.len))
    }
}

fn c_strides(itemsize: usize, dims: &[usize]) -> Result<Vec<usize>, BridgeError> {
    let mut strides = vec![0; dims.len()];
    let mut acc = itemsize;
    for (i, &d) in dims.iter().enumerate().rev() {
        strides[i] = acc;
        acc = acc
            .checked_mul(d.max(1))
            .ok_or_else(|| BridgeError::LayoutOverflow {
                what: format!("C-contiguous stride of dimension {i}"),
            })?;
    }
    Ok(strides)
}

fn contiguous_in<'a>(
    itemsize: usize,
    len: usize,
    dims: impl Iterator<Item = (&'a usize, &'a usize)>,
) -> bool {
    if len == 0 {
        return true;
    }
    let mut expected = itemsize;
    for (&d, &s) in dims {
        if d != 1 && s != expected {
            return false;
        }
        match expected.checked_mul(d) {
            Some(e) => expected = e,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_and_f_contiguity() {
        let c = BufferLayout::new(4, 24, 0, &[2, 3], None).unwrap();
        assert_eq!(c.strides(), &[12, 4]);
        assert!(c.is_c_contiguous() && !c.is_f_contiguous());
        assert_eq!(c.typed_array_view(), Ok((0, 6)));
        let f = BufferLayout::new(4, 24, 0, &[2, 3], Some(&[4, 8])).unwrap();
        assert!(!f.is_c_contiguous() && f.is_f_contiguous());
        assert!(matches!(
            f.typed_array_view(),
            Err(BridgeError::InvalidShape { .. })
        ));
        assert_eq!(f.strides_in_elements(), Ok(vec![1, 2]));
        // Extent-1 dimensions ignore their stride; 0-d is one element.
        assert!(BufferLayout::new(8, 8, 0, &[1, 1], Some(&[999, 8]))
            .unwrap()
            .is_c_contiguous());
        let scalar = BufferLayout::new(8, 8, 0, &[], None).unwrap();
        assert_eq!((scalar.len(), scalar.byte_extent()), (1, 8));
        assert!(scalar.is_c_contiguous());
        // Every-other-element view: valid, not contiguous.
        let step = BufferLayout::new(2, 10, 0, &[3], Some(&[4])).unwrap();
        assert!(!step.is_c_contiguous());
        assert_eq!(step.byte_extent(), 10);
        // Broadcast (stride 0) is valid and not contiguous.
        assert!(!BufferLayout::new(1, 1, 0, &[5], Some(&[0]))
            .unwrap()
            .is_c_contiguous());
        assert_eq!(
            BufferLayout::contiguous(2, &[3, 4]).unwrap().byte_extent(),
            24
        );
    }

    #[test]
    fn empty_buffers() {
        let e = BufferLayout::new(4, 0, 0, &[0, 5], None).unwrap();
        assert!(e.is_empty() && e.is_c_contiguous());
        assert_eq!(e.byte_extent(), 0);
        assert!(matches!(
            BufferLayout::new(4, 3, 4, &[0], None),
            Err(BridgeError::BufferOutOfBounds { .. })
        ));
    }

    #[test]
    fn bad_layouts_are_typed_errors_naming_the_problem() {
        let e = BufferLayout::new(4, 100, 0, &[2, -1], None).unwrap_err();
        assert_eq!(e, BridgeError::NegativeDimension { dim: 1, extent: -1 });
        let e = BufferLayout::new(4, 100, 0, &[2, 2], Some(&[8, -4])).unwrap_err();
        assert_eq!(e, BridgeError::NegativeStride { dim: 1, stride: -4 });
        assert!(e.to_string().contains("negative stride -4"));
        let e = BufferLayout::new(4, 23, 0, &[2, 3], None).unwrap_err();
        assert_eq!(
            e,
            BridgeError::BufferOutOfBounds {
                needed: 24,
                byte_len: 23
            }
        );
        let e = BufferLayout::new(4, 24, 4, &[2, 3], None).unwrap_err();
        assert_eq!(
            e,
            BridgeError::BufferOutOfBounds {
                needed: 28,
                byte_len: 24
            }
        );
        assert!(matches!(
            BufferLayout::new(4, 24, 0, &[2, 3], Some(&[4])),
            Err(BridgeError::InvalidShape { .. })
        ));
        assert!(matches!(
            BufferLayout::new(0, 24, 0, &[2], None),
            Err(BridgeError::InvalidShape { .. })
        ));
        assert!(matches!(
            BufferLayout::new(1, 1, 0, &[1; 65], None),
            Err(BridgeError::InvalidShape { .. })
        ));
        let e = BufferLayout::new(8, usize::MAX, 0, &[i64::MAX, i64::MAX], None).unwrap_err();
        assert!(matches!(e, BridgeError::LayoutOverflow { .. }), "{e:?}");
        let e = BufferLayout::new(8, usize::MAX, 0, &[3], Some(&[i64::MAX])).unwrap_err();
        assert!(matches!(e, BridgeError::LayoutOverflow { .. }), "{e:?}");
        let e = BufferLayout::new(1, usize::MAX, usize::MAX, &[2], None).unwrap_err();
        assert!(matches!(e, BridgeError::LayoutOverflow { .. }), "{e:?}");
        let m = BufferLayout::new(4, 100, 2, &[3], Some(&[6])).unwrap();
        assert!(matches!(
            m.strides_in_elements(),
            Err(BridgeError::MisalignedBuffer { what: "stride", .. })
        ));
        let m = BufferLayout::new(4, 100, 2, &[3], None).unwrap();
        assert!(matches!(
            m.typed_array_view(),
            Err(BridgeError::MisalignedBuffer { what: "offset", .. })
        ));
    }
}

/// The bytes a strided buffer touches, relative to its first item: `(lo, hi)`
/// with `lo <= 0 < hi` for a non-empty buffer (`lo` is negative when some
/// stride is; `hi` is one past the last byte). For an empty buffer `(0, 0)`.
/// Overflow is [`BridgeError::InvalidShape`]. This is what a zero-copy view
/// of Python memory (`getBuffer`) must cover, negative strides included.
pub fn byte_span(
    itemsize: usize,
    shape: &[usize],
    strides: &[isize],
) -> Result<(isize, isize), BridgeError> {
    let invalid = |reason: &str| BridgeError::InvalidShape {
        reason: reason.to_owned(),
    };
    if shape.len() != strides.len() {
        return Err(invalid("shape and strides differ in length"));
    }
    if shape.contains(&0) {
        return Ok((0, 0));
    }
    let (mut lo, mut hi) = (0isize, 0isize);
    for (&n, &s) in shape.iter().zip(strides) {
        let n = isize::try_from(n - 1).map_err(|_| invalid("a dimension is too large"))?;
        let reach = n
            .checked_mul(s)
            .ok_or_else(|| invalid("strides overflow"))?;
        if reach < 0 {
            lo = lo
                .checked_add(reach)
                .ok_or_else(|| invalid("strides overflow"))?;
        } else {
            hi = hi
                .checked_add(reach)
                .ok_or_else(|| invalid("strides overflow"))?;
        }
    }
    let item = isize::try_from(itemsize).map_err(|_| invalid("itemsize is too large"))?;
    Ok((
        lo,
        hi.checked_add(item)
            .ok_or_else(|| invalid("strides overflow"))?,
    ))
}

#[cfg(test)]
mod span_tests {
    use super::byte_span;

    #[test]
    fn spans_cover_negative_strides() {
        assert_eq!(byte_span(1, &[4], &[1]).unwrap(), (0, 4));
        assert_eq!(byte_span(1, &[4], &[-1]).unwrap(), (-3, 1));
        assert_eq!(byte_span(8, &[2, 3], &[24, 8]).unwrap(), (0, 48));
        assert_eq!(byte_span(8, &[2, 3], &[-24, 8]).unwrap(), (-24, 24));
        assert_eq!(byte_span(4, &[0, 3], &[12, 4]).unwrap(), (0, 0));
        assert_eq!(byte_span(4, &[], &[]).unwrap(), (0, 4));
        assert!(byte_span(1, &[usize::MAX / 2, 3], &[isize::MAX, 1]).is_err());
        assert!(byte_span(1, &[2], &[]).is_err());
    }
}
