//! Reaching the chain's server: TLS as the URL asks, and one clear line
//! naming the server (never its password) when it cannot be reached.
//!
//! `sslmode=disable` talks plain; `prefer` (the default) encrypts when the
//! server can; `require` always encrypts, like libpq without checking who
//! answers; `verify-full` (and `verify-ca`) also checks the certificate
//! against the public roots and the host name. The TLS stack is rustls, so
//! the binary needs no system OpenSSL.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use postgres::config::SslMode;
use postgres::{Client, Config, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::config::sync::SyncTarget;
use crate::error::{Error, Result};

/// How long a connection attempt waits before the server counts as down.
const CONNECT_WAIT: Duration = Duration::from_secs(10);

/// An open connection to the chain's server and how it may be named.
pub struct Server {
    pub client: Client,
    /// The URL without its password.
    pub shown: String,
}

/// Opens a connection to the chain's server.
pub fn connect(target: &SyncTarget) -> Result<Server> {
    let (url, verify) = split_verify(&target.url);
    let mut config = Config::from_str(&url).map_err(|e| unreachable(target, &e))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_WAIT);
    }
    let client = if config.get_ssl_mode() == SslMode::Disable {
        config.connect(NoTls)
    } else {
        config.connect(MakeRustlsConnect::new(tls_config(verify)))
    };
    Ok(Server {
        client: client.map_err(|e| unreachable(target, &e))?,
        shown: target.shown_url(),
    })
}

/// The one line a failed connection or query says: the server (password
/// hidden) and the reason as the client library words it, password-free.
pub fn unreachable(target: &SyncTarget, e: &dyn std::fmt::Display) -> Error {
    let reason = e.to_string().lines().next().unwrap_or_default().to_string();
    let reason = crate::config::sync::hide_password(&reason);
    Error::user(
        "err-sync-unreachable",
        &[("server", &target.shown_url()), ("reason", &reason)],
    )
}

/// The client library knows disable, prefer and require; the checking
/// modes are require plus a certificate check done here.
fn split_verify(url: &str) -> (String, bool) {
    for mode in ["sslmode=verify-full", "sslmode=verify-ca"] {
        if url.contains(mode) {
            return (url.replace(mode, "sslmode=require"), true);
        }
    }
    (url.to_string(), false)
}

fn tls_config(verify: bool) -> ClientConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions");
    if verify {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        builder.with_root_certificates(roots).with_no_client_auth()
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth()
    }
}

/// `sslmode=require`: the line is encrypted and the server's signature on
/// the handshake checked, but its certificate is taken as it is, as libpq
/// does for `require` (servers often use a self-made certificate).
#[derive(Debug)]
struct EncryptOnly(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_full_becomes_require_with_a_check() {
        let (url, verify) = split_verify("postgres://a@h/db?sslmode=verify-full");
        assert_eq!(url, "postgres://a@h/db?sslmode=require");
        assert!(verify);
        let (url, verify) = split_verify("postgres://a@h/db?sslmode=require");
        assert_eq!(url, "postgres://a@h/db?sslmode=require");
        assert!(!verify);
    }

    #[test]
    fn both_tls_setups_build() {
        let _checked = tls_config(true);
        let _encrypted = tls_config(false);
    }
}
