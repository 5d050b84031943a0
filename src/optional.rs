//! A column of optional 4-byte values stored in 4 bytes each.
//!
//! In: `Option<u32>` label codes and `Option<Day>` dates, one per case. Out: the same values
//! back by index. `Vec<Option<u32>>` takes 8 bytes a value; at ten million cases the eight
//! optional columns of the incident table would cost 320 MB more than they need, so each
//! stores one value that can never occur (`u32::MAX` for a label code, `i32::MIN` for a day) to mean
//! "none".

/// A value type with one bit pattern that never occurs as a real value.
pub trait Packable: Copy + PartialEq {
    /// The value that stands for `None`.
    const NONE: Self;
}

impl Packable for u32 {
    /// Label codes are indices into a [`crate::labels::Labels`], far below `u32::MAX`.
    const NONE: Self = u32::MAX;
}

impl Packable for i32 {
    /// Days since 1970 are within a few hundred thousand of zero.
    const NONE: Self = i32::MIN;
}

/// A column of `Option<T>`, 4 bytes a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptionalColumn<T> {
    values: Vec<T>,
}

impl<T: Packable> OptionalColumn<T> {
    /// The value at `i`.
    ///
    /// # Panics
    /// When `i` is out of bounds, as a slice does.
    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        let v = self.values[i];
        (v != T::NONE).then_some(v)
    }

    /// Appends a value.
    ///
    /// # Panics
    /// When the value is the one that stands for `None` (a label code or day number that
    /// cannot occur).
    #[inline]
    pub fn push(&mut self, v: Option<T>) {
        self.values.push(pack(v));
    }

    /// Replaces the value at `i`.
    #[inline]
    pub fn set(&mut self, i: usize, v: Option<T>) {
        self.values[i] = pack(v);
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Makes room for `n` more values.
    pub fn reserve(&mut self, n: usize) {
        self.values.reserve(n);
    }

    /// Every value, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<T>> + '_ {
        self.values.iter().map(|&v| (v != T::NONE).then_some(v))
    }
}

#[inline]
fn pack<T: Packable>(v: Option<T>) -> T {
    match v {
        Some(v) => {
            assert!(
                v != T::NONE,
                "a packed column cannot hold its `None` marker"
            );
            v
        }
        None => T::NONE,
    }
}

impl<T: Packable> FromIterator<Option<T>> for OptionalColumn<T> {
    fn from_iter<I: IntoIterator<Item = Option<T>>>(iter: I) -> Self {
        Self {
            values: iter.into_iter().map(pack).collect(),
        }
    }
}

/// Storing a value at an index, for plain vectors and packed columns alike (what
/// [`crate::model::Incidents::set`] needs of every per-case column).
pub trait SetAt<V> {
    /// Replaces the value at `i`.
    fn set_at(&mut self, i: usize, v: V);
}

impl<V> SetAt<V> for Vec<V> {
    fn set_at(&mut self, i: usize, v: V) {
        self[i] = v;
    }
}

impl<T: Packable> SetAt<Option<T>> for OptionalColumn<T> {
    fn set_at(&mut self, i: usize, v: Option<T>) {
        self.set(i, v);
    }
}

/// Reading the value at an index, for plain vectors and packed columns alike.
pub trait GetAt<V> {
    /// The value at `i`.
    fn get_at(&self, i: usize) -> V;
}

impl<V: Copy> GetAt<V> for Vec<V> {
    fn get_at(&self, i: usize) -> V {
        self[i]
    }
}

impl<T: Packable> GetAt<Option<T>> for OptionalColumn<T> {
    fn get_at(&self, i: usize) -> Option<T> {
        self.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_nones_come_back_as_pushed() {
        let mut c: OptionalColumn<i32> = [Some(-5), None, Some(0)].into_iter().collect();
        c.push(Some(20_000));
        c.set(0, None);
        assert_eq!(
            c.iter().collect::<Vec<_>>(),
            [None, None, Some(0), Some(20_000)]
        );
        assert_eq!((c.get(3), c.iter().len()), (Some(20_000), 4));
        assert_eq!(std::mem::size_of_val(&c.values[..]), 16);
    }

    #[test]
    #[should_panic(expected = "None")]
    fn the_marker_itself_cannot_be_stored() {
        OptionalColumn::<u32>::default().push(Some(u32::MAX));
    }
}
