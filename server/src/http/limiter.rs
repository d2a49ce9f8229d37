//! Counts failed attempts per key (an e-mail address, a client address) over a
//! sliding window, to slow down password guessing.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct FailureLimiter {
    max: u32,
    window: Duration,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl FailureLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max: max.max(1),
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` has used up its failures within the window (for a client
    /// address, pass a multiple of the per-account allowance as `factor`).
    pub fn is_blocked(&self, key: &str, factor: u32) -> bool {
        self.is_blocked_at(key, factor, Instant::now())
    }

    pub fn record_failure(&self, key: &str) {
        self.record_at(key, Instant::now());
    }

    fn is_blocked_at(&self, key: &str, factor: u32, now: Instant) -> bool {
        let mut map = self.failures.lock().expect("limiter lock");
        let Some(times) = map.get_mut(key) else {
            return false;
        };
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.is_empty() {
            map.remove(key);
            return false;
        }
        times.len() as u32 >= self.max * factor
    }

    fn record_at(&self, key: &str, now: Instant) {
        let mut map = self.failures.lock().expect("limiter lock");
        // Keep memory bounded under a flood of distinct keys.
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, t| {
                t.back()
                    .is_some_and(|last| now.duration_since(*last) < window)
            });
        }
        map.entry(key.to_string()).or_default().push_back(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_failures_until_the_window_passes() {
        let l = FailureLimiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for _ in 0..2 {
            l.record_at("a", t0);
        }
        assert!(!l.is_blocked_at("a", 1, t0));
        l.record_at("a", t0);
        assert!(l.is_blocked_at("a", 1, t0));
        assert!(
            !l.is_blocked_at("a", 2, t0),
            "a larger allowance for shared keys"
        );
        assert!(!l.is_blocked_at("b", 1, t0), "keys are independent");
        assert!(!l.is_blocked_at("a", 1, t0 + Duration::from_secs(61)));
    }
}
