//! Identity as equality, for values the app shares behind an `Rc`.

use std::rc::Rc;

/// An `Rc` compared by address. The state makes a new `Rc` exactly when the value changes, so
/// comparing addresses is exact and costs nothing, where comparing a long analysis would not:
/// memo keys and props of large values use it.
pub struct Same<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(Rc::clone(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_when_the_same_allocation() {
        let a: Rc<str> = "公文".into();
        let b: Rc<str> = "公文".into();
        assert!(Same(Rc::clone(&a)) == Same(Rc::clone(&a)));
        assert!(Same(a) != Same(b), "equal text in two allocations differs");
    }
}
