//! `[sync]`: the chain's shared PostgreSQL server and this branch's name.
//!
//! Without a URL nothing syncs and nothing changes: a single shop never
//! needs a server. The URL may carry a password, so it is only ever shown
//! through [`SyncTarget::shown_url`].

use serde::Deserialize;

/// How often the app syncs in the background when nothing else asked.
pub const DEFAULT_EVERY_MINUTES: u32 = 5;

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct SyncSettings {
    /// `postgres://user:password@host/db?sslmode=require`; empty = no chain.
    pub url: String,
    /// This branch's name, unique in the chain.
    pub shop: String,
    /// Minutes between background syncs while the app runs.
    pub every_minutes: u32,
}

impl Default for SyncSettings {
    fn default() -> Self {
        SyncSettings {
            url: String::new(),
            shop: String::new(),
            every_minutes: DEFAULT_EVERY_MINUTES,
        }
    }
}

/// Where and as whom this shop syncs, once the config and the environment
/// (`REGULARS_SYNC_URL`, `REGULARS_SHOP`, which win) are read together.
#[derive(Clone, PartialEq, Eq)]
pub struct SyncTarget {
    pub url: String,
    pub shop: String,
    pub every_minutes: u32,
}

impl std::fmt::Debug for SyncTarget {
    // A derived Debug would print the password inside the URL.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncTarget")
            .field("url", &self.shown_url())
            .field("shop", &self.shop)
            .field("every_minutes", &self.every_minutes)
            .finish()
    }
}

impl SyncSettings {
    /// The chain this shop belongs to, if any: `None` without a URL.
    /// `Some` with an empty shop name is a chain the config has not
    /// finished describing; callers refuse it with a message.
    pub fn target(&self) -> Option<SyncTarget> {
        self.target_with(|name| std::env::var(name).ok())
    }

    /// [`Self::target`] with the environment given, for tests.
    pub fn target_with(&self, env: impl Fn(&str) -> Option<String>) -> Option<SyncTarget> {
        let url = picked(env("REGULARS_SYNC_URL"), &self.url);
        if url.is_empty() {
            return None;
        }
        Some(SyncTarget {
            url,
            shop: self.shop_with(env),
            every_minutes: self.every_minutes.max(1),
        })
    }

    /// This shop's name in the chain: `REGULARS_SHOP` when set, else
    /// `shop`; empty when it has none. It names a branch's figures even
    /// before a server is configured.
    pub fn shop_name(&self) -> String {
        self.shop_with(|name| std::env::var(name).ok())
    }

    fn shop_with(&self, env: impl Fn(&str) -> Option<String>) -> String {
        picked(env("REGULARS_SHOP"), &self.shop)
    }
}

/// A setting from the environment when it says something, else the
/// config's; trimmed.
fn picked(from_env: Option<String>, own: &str) -> String {
    from_env
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| own.to_string())
        .trim()
        .to_string()
}

impl SyncTarget {
    /// The URL with any password replaced by `***`: the only form that may
    /// reach a screen, a message or a log.
    pub fn shown_url(&self) -> String {
        hide_password(&self.url)
    }
}

/// `postgres://ann:secret@host/db` → `postgres://ann:***@host/db`; also
/// hides a `password=` parameter of a URL or a key=value string.
pub fn hide_password(url: &str) -> String {
    let mut shown = url.to_string();
    if let Some(scheme_end) = shown.find("://") {
        let rest_start = scheme_end + 3;
        let authority_end = shown[rest_start..]
            .find(['/', '?'])
            .map_or(shown.len(), |i| rest_start + i);
        if let Some(at) = shown[rest_start..authority_end].rfind('@') {
            let userinfo = &shown[rest_start..rest_start + at];
            if let Some(colon) = userinfo.find(':') {
                let from = rest_start + colon + 1;
                shown.replace_range(from..rest_start + at, "***");
            }
        }
    }
    let lower = shown.to_ascii_lowercase();
    if let Some(i) = lower.find("password=") {
        let from = i + "password=".len();
        let to = shown[from..]
            .find(['&', ' '])
            .map_or(shown.len(), |j| from + j);
        shown.replace_range(from..to, "***");
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_url_means_no_chain() {
        let settings = SyncSettings::default();
        assert_eq!(settings.target_with(|_| None), None);
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let settings = SyncSettings {
            url: "postgres://a@file/db".into(),
            shop: "Centre".into(),
            every_minutes: 0,
        };
        let env = |name: &str| match name {
            "REGULARS_SHOP" => Some("Harbour".to_string()),
            _ => None,
        };
        let target = settings.target_with(env).unwrap();
        assert_eq!(target.url, "postgres://a@file/db");
        assert_eq!(target.shop, "Harbour");
        assert_eq!(target.every_minutes, 1, "0 minutes would spin");
    }

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            hide_password("postgres://ann:s3cr%40t@db.example:5432/club?sslmode=require"),
            "postgres://ann:***@db.example:5432/club?sslmode=require"
        );
        assert_eq!(
            hide_password("postgres://ann@db/club"),
            "postgres://ann@db/club"
        );
        assert_eq!(
            hide_password("postgresql://h/club?user=ann&password=pw&sslmode=verify-full"),
            "postgresql://h/club?user=ann&password=***&sslmode=verify-full"
        );
        assert_eq!(
            hide_password("host=h password=pw user=a"),
            "host=h password=*** user=a"
        );
        let target = SyncTarget {
            url: "postgres://ann:pw@h/c".into(),
            shop: "A".into(),
            every_minutes: 5,
        };
        assert!(!format!("{target:?}").contains("pw@"));
    }
}
