//! Locks on the in-process caches.

use std::sync::{Mutex, MutexGuard};

/// Locks a cache. A panic while another request held the lock poisons it;
/// a cache only holds copies of what can be made again, so it is emptied and
/// used on, instead of turning every later request into a 500.
pub fn lock_cache<T: Default>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => {
            let mut guard = poisoned.into_inner();
            *guard = T::default();
            mutex.clear_poison();
            tracing::warn!("a cache lock was poisoned by a panic; the cache was emptied");
            guard
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    #[test]
    fn a_poisoned_cache_is_emptied_and_usable_again() {
        let cache = Arc::new(Mutex::new(HashMap::from([("a".to_owned(), 1)])));
        let held = cache.clone();
        let _ = std::thread::spawn(move || {
            let _guard = held.lock().unwrap();
            panic!("a request panics while it holds the cache");
        })
        .join();
        assert!(cache.is_poisoned());
        let mut guard = super::lock_cache(&cache);
        assert!(guard.is_empty(), "what a panicking writer may have left half-done is gone");
        guard.insert("b".to_owned(), 2);
        drop(guard);
        assert!(!cache.is_poisoned());
        assert_eq!(super::lock_cache(&cache).get("b"), Some(&2));
    }
}
