//! TLS connections with certificate verification that can't be switched off.
//!
//! Roots are the system's store plus Mozilla's (webpki-roots), plus an optional
//! per-account CA file for private servers. When verification fails we remember the
//! certificate's subject so the user is told *which* certificate was refused and why.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::{
    self,
    client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
    client::WebPkiServerVerifier,
    crypto::CryptoProvider,
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_rustls::TlsConnector;

/// Time limits for each network step. Every step has one: a silent server must never hang us.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    pub resolve: Duration,
    pub connect: Duration,
    pub handshake: Duration,
    /// One protocol command and its reply (greeting, login, fetch of one batch...).
    pub command: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            resolve: Duration::from_secs(10),
            connect: Duration::from_secs(15),
            handshake: Duration::from_secs(15),
            command: Duration::from_secs(30),
        }
    }
}

impl Timeouts {
    /// Short limits for tests that provoke timeouts on purpose.
    pub fn all(limit: Duration) -> Timeouts {
        Timeouts {
            resolve: limit,
            connect: limit,
            handshake: limit,
            command: limit,
        }
    }
}

/// A step of a conversation with a server that got no answer within its limit. Every
/// protocol runs its steps through [`timed`] and turns this into its own Timeout error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Elapsed<S> {
    pub step: S,
    /// The limit in whole seconds, at least 1 (a message saying "0 s" would be odd).
    pub secs: u64,
}

/// Runs `fut` for at most `limit`. A plain combinator, not an `async fn`: that would keep
/// a second copy of `fut` in its state, and the connection check's futures are big.
pub fn timed<S, F: std::future::Future>(
    step: S,
    limit: Duration,
    fut: F,
) -> impl std::future::Future<Output = Result<F::Output, Elapsed<S>>> {
    use futures::FutureExt;
    tokio::time::timeout(limit, fut).map(move |result| {
        result.map_err(|_| Elapsed {
            step,
            secs: limit.as_secs().max(1),
        })
    })
}

/// Why a certificate was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertProblem {
    /// Not signed by any trusted authority (self-signed, or a private CA not added).
    UnknownIssuer,
    Expired,
    NotYetValid,
    /// Valid, but for other names than the host we connected to.
    WrongName {
        presented: Vec<String>,
    },
    Revoked,
    Other(String),
}

impl std::fmt::Display for CertProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CertProblem::UnknownIssuer => f.write_str("issued by an authority that is not trusted"),
            CertProblem::Expired => f.write_str("expired"),
            CertProblem::NotYetValid => f.write_str("not valid yet"),
            CertProblem::WrongName { presented } => {
                write!(f, "issued for other names ({})", presented.join(", "))
            }
            CertProblem::Revoked => f.write_str("revoked"),
            CertProblem::Other(other) => f.write_str(other),
        }
    }
}

/// A failure to reach a server securely. Every variant names the host and port.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("{host}: the name could not be resolved: {source}")]
    Resolve { host: String, source: io::Error },
    #[error("{host}:{port}: connection refused")]
    Refused { host: String, port: u16 },
    #[error("{host}:{port}: could not connect: {source}")]
    Connect {
        host: String,
        port: u16,
        source: io::Error,
    },
    #[error("{host}:{port}: no answer within {secs} s during {step}")]
    Timeout {
        host: String,
        port: u16,
        step: &'static str,
        secs: u64,
    },
    #[error("{host}:{port}: certificate of {subject} refused: {problem}")]
    Certificate {
        host: String,
        port: u16,
        subject: String,
        problem: CertProblem,
    },
    #[error("{host}:{port}: TLS handshake failed: {message}")]
    Handshake {
        host: String,
        port: u16,
        message: String,
    },
    #[error("{host}:{port}: the server does not offer STARTTLS; refusing to continue without encryption")]
    NoStarttls { host: String, port: u16 },
    /// The server answered, but not as the protocol says (a refusal, a malformed reply).
    #[error("{host}:{port}: unexpected answer during {step}: {message}")]
    Protocol {
        host: String,
        port: u16,
        step: &'static str,
        message: String,
    },
    #[error("the CA file {path} could not be used: {message}")]
    CaFile { path: PathBuf, message: String },
    #[error("{host}:{port}: connection lost: {source}")]
    Io {
        host: String,
        port: u16,
        source: io::Error,
    },
}

fn provider() -> Arc<CryptoProvider> {
    static PROVIDER: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    PROVIDER
        .get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// The system roots plus Mozilla's, loaded once.
fn base_roots() -> &'static RootCertStore {
    static ROOTS: OnceLock<RootCertStore> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots = RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let native = rustls_native_certs::load_native_certs();
        for error in &native.errors {
            tracing::debug!(%error, "a system certificate could not be loaded");
        }
        let (added, ignored) = roots.add_parsable_certificates(native.certs);
        tracing::debug!(added, ignored, "system root certificates");
        roots
    })
}

/// Reads every certificate in a PEM file.
pub fn load_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, NetError> {
    let ca_error = |message: String| NetError::CaFile {
        path: path.to_path_buf(),
        message,
    };
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| ca_error(e.to_string()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ca_error(e.to_string()))?;
    if certs.is_empty() {
        return Err(ca_error("no PEM certificate in the file".into()));
    }
    Ok(certs)
}

/// A client configuration trusting the usual roots and, if given, the certificates of
/// `ca_file`. Built once per CA file (roots and verifier take a while, and a shared
/// configuration lets TLS sessions resume), again when the file changes on disk.
pub fn client_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, NetError> {
    type Cache = Mutex<HashMap<Option<PathBuf>, (Option<FileStamp>, Arc<ClientConfig>)>>;
    static CONFIGS: OnceLock<Cache> = OnceLock::new();
    let configs = CONFIGS.get_or_init(Default::default);
    let key = ca_file.map(Path::to_path_buf);
    let stamp = ca_file.and_then(file_stamp);
    if let Ok(cache) = configs.lock() {
        if let Some((cached, config)) = cache.get(&key) {
            if *cached == stamp {
                return Ok(config.clone());
            }
        }
    }
    let config = build_client_config(ca_file)?;
    if let Ok(mut cache) = configs.lock() {
        cache.insert(key, (stamp, config.clone()));
    }
    Ok(config)
}

/// When a CA file was last changed, and its size: a new file means a new configuration.
type FileStamp = (std::time::SystemTime, u64);

fn file_stamp(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

fn build_client_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>, NetError> {
    let mut roots = base_roots().clone();
    if let Some(path) = ca_file {
        for cert in load_ca_file(path)? {
            roots.add(cert).map_err(|e| NetError::CaFile {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        }
    }
    let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
        .build()
        .map_err(|e| NetError::CaFile {
            path: ca_file.map(Path::to_path_buf).unwrap_or_default(),
            message: e.to_string(),
        })?;
    let verifier = Arc::new(RecordingVerifier { inner });
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .dangerous()
        // Not a bypass: every decision is WebPkiServerVerifier's; we only record the subject.
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The certificate the verifier refused during one handshake, for the error message.
#[derive(Clone, Debug, Default)]
struct CertCapture(Arc<Mutex<Option<RefusedCert>>>);

/// The subject of a refused certificate and the names it is valid for.
type RefusedCert = (String, Vec<String>);

impl CertCapture {
    fn take(&self) -> Option<RefusedCert> {
        self.0.lock().ok()?.take()
    }
}

tokio::task_local! {
    /// Set around each handshake: connections share a configuration (and its verifier),
    /// and each must learn about its own server's certificate only.
    static REFUSED: CertCapture;
}

#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let result = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        if result.is_err() {
            let _ = REFUSED.try_with(|capture| {
                if let Ok(mut slot) = capture.0.lock() {
                    *slot = Some(describe_certificate(end_entity));
                }
            });
        }
        result
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The subject and the DNS names a certificate is valid for.
fn describe_certificate(cert: &CertificateDer<'_>) -> (String, Vec<String>) {
    use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};
    let Ok((_, parsed)) = X509Certificate::from_der(cert.as_ref()) else {
        return ("(unreadable certificate)".into(), Vec::new());
    };
    let subject = parsed.subject().to_string();
    let mut names = Vec::new();
    if let Ok(Some(san)) = parsed.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                GeneralName::DNSName(dns) => names.push(dns.to_string()),
                GeneralName::IPAddress(bytes) if bytes.len() == 4 => names.push(format!(
                    "{}.{}.{}.{}",
                    bytes[0], bytes[1], bytes[2], bytes[3]
                )),
                _ => {}
            }
        }
    }
    (subject, names)
}

impl NetError {
    /// The Timeout of a step with `host:port`.
    pub fn timed_out(host: &str, port: u16, elapsed: Elapsed<&'static str>) -> NetError {
        NetError::Timeout {
            host: host.to_string(),
            port,
            step: elapsed.step,
            secs: elapsed.secs,
        }
    }
}

/// Looks the host name up, within `timeouts.resolve`.
pub async fn resolve(
    host: &str,
    port: u16,
    timeouts: &Timeouts,
) -> Result<Vec<SocketAddr>, NetError> {
    let addrs: Vec<_> = timed(
        "resolve",
        timeouts.resolve,
        tokio::net::lookup_host((host, port)),
    )
    .await
    .map_err(|elapsed| NetError::timed_out(host, port, elapsed))?
    .map_err(|source| NetError::Resolve {
        host: host.to_string(),
        source,
    })?
    .collect();
    if addrs.is_empty() {
        return Err(NetError::Resolve {
            host: host.to_string(),
            source: io::Error::new(io::ErrorKind::NotFound, "no address"),
        });
    }
    Ok(addrs)
}

/// Connects to the first of `addrs` that answers, each within `timeouts.connect`.
pub async fn connect_addrs(
    host: &str,
    port: u16,
    addrs: &[SocketAddr],
    timeouts: &Timeouts,
) -> Result<TcpStream, NetError> {
    let mut last_error = None;
    for addr in addrs {
        match timed("connect", timeouts.connect, TcpStream::connect(addr)).await {
            Err(elapsed) => last_error = Some(NetError::timed_out(host, port, elapsed)),
            Ok(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Ok(Err(source)) if source.kind() == io::ErrorKind::ConnectionRefused => {
                last_error = Some(NetError::Refused {
                    host: host.to_string(),
                    port,
                })
            }
            Ok(Err(source)) => {
                last_error = Some(NetError::Connect {
                    host: host.to_string(),
                    port,
                    source,
                })
            }
        }
    }
    Err(last_error.unwrap_or_else(|| NetError::Resolve {
        host: host.to_string(),
        source: io::Error::new(io::ErrorKind::NotFound, "no address"),
    }))
}

/// Resolves and connects, with a time limit on each step, trying every address in turn.
pub async fn connect_tcp(
    host: &str,
    port: u16,
    timeouts: &Timeouts,
) -> Result<TcpStream, NetError> {
    let addrs = resolve(host, port, timeouts).await?;
    connect_addrs(host, port, &addrs, timeouts).await
}

/// Runs the TLS handshake over an open stream (implicit TLS, or after STARTTLS).
pub async fn handshake<S>(
    stream: S,
    host: &str,
    port: u16,
    ca_file: Option<&Path>,
    timeouts: &Timeouts,
) -> Result<tokio_rustls::client::TlsStream<S>, NetError>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let config = client_config(ca_file)?;
    let name = ServerName::try_from(host.to_string()).map_err(|e| NetError::Handshake {
        host: host.to_string(),
        port,
        message: e.to_string(),
    })?;
    let connector = TlsConnector::from(config);
    let capture = CertCapture::default();
    // The verifier runs while this future is polled, so it sees this scope's capture.
    let handshake = timed(
        "TLS handshake",
        timeouts.handshake,
        connector.connect(name, stream),
    );
    match REFUSED.scope(capture.clone(), handshake).await {
        Err(elapsed) => Err(NetError::timed_out(host, port, elapsed)),
        Ok(Ok(tls)) => Ok(tls),
        Ok(Err(error)) => Err(classify_tls_error(host, port, error, capture.take())),
    }
}

fn classify_tls_error(
    host: &str,
    port: u16,
    error: io::Error,
    refused: Option<RefusedCert>,
) -> NetError {
    let rustls_error = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        .cloned();
    if let Some(rustls::Error::InvalidCertificate(cert_error)) = rustls_error {
        let (subject, names) = refused.unwrap_or_else(|| (host.to_string(), Vec::new()));
        let problem = match cert_error {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                CertProblem::UnknownIssuer
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                CertProblem::Expired
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                CertProblem::NotYetValid
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                CertProblem::WrongName { presented: names }
            }
            CertificateError::Revoked => CertProblem::Revoked,
            other => CertProblem::Other(format!("{other:?}")),
        };
        return NetError::Certificate {
            host: host.to_string(),
            port,
            subject,
            problem,
        };
    }
    NetError::Handshake {
        host: host.to_string(),
        port,
        message: error.to_string(),
    }
}

/// Connects with implicit TLS ("SSL/TLS": 993, 995, 465).
pub async fn connect_tls(
    host: &str,
    port: u16,
    ca_file: Option<&Path>,
    timeouts: &Timeouts,
) -> Result<TlsStream<TcpStream>, NetError> {
    let tcp = connect_tcp(host, port, timeouts).await?;
    handshake(tcp, host, port, ca_file, timeouts).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_CA: &str = "-----BEGIN CERTIFICATE-----
MIIBjjCCATWgAwIBAgIUOsXjQTwQD3Vnof2pAaukmGytt1IwCgYIKoZIzj0EAwIw
HDEaMBgGA1UEAwwRUGlsbGFyYm94IHRlc3QgQ0EwIBcNMjYxMTI1MjI1OTAyWhgP
MjEyNjExMDEyMjU5MDJaMBwxGjAYBgNVBAMMEVBpbGxhcmJveCB0ZXN0IENBMFkw
EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEPPojsOmRssWpXZuWaYjBySt1ToAgU7QI
2EAVu0ypHYDU1BIC4jayDzQBXbo19TQLQgrB5RPtXaFiWoHvSjvWWqNTMFEwHQYD
VR0OBBYEFDFXhapu6Jtjdi0Xc0+xBeLpxLv6MB8GA1UdIwQYMBaAFDFXhapu6Jtj
di0Xc0+xBeLpxLv6MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIg
djAgPYaqWITkbOH+uZ7FX9jZ9mjvoBwAp5wfyX7GQ7MCIGy/wgMXhKY/DzjdocF9
jYe6ax1l/HHDDi630s8WRwBZ
-----END CERTIFICATE-----
";

    #[test]
    fn client_configs_are_built_once_per_ca_file_until_it_changes() {
        let a = client_config(None).unwrap();
        let b = client_config(None).unwrap();
        assert!(Arc::ptr_eq(&a, &b), "the default configuration was rebuilt");

        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, TEST_CA).unwrap();
        let c = client_config(Some(&ca)).unwrap();
        let d = client_config(Some(&ca)).unwrap();
        assert!(
            Arc::ptr_eq(&c, &d),
            "the CA file's configuration was rebuilt"
        );
        assert!(
            !Arc::ptr_eq(&a, &c),
            "a CA file shares the default configuration"
        );

        // The user replaces the file (a renewed private CA): a new configuration.
        std::fs::write(&ca, format!("{TEST_CA}{TEST_CA}")).unwrap();
        let e = client_config(Some(&ca)).unwrap();
        assert!(!Arc::ptr_eq(&c, &e), "a changed CA file was not read again");
        // A file that is gone is an error, not the old configuration.
        std::fs::remove_file(&ca).unwrap();
        assert!(matches!(
            client_config(Some(&ca)),
            Err(NetError::CaFile { .. })
        ));
    }

    #[tokio::test]
    async fn timed_names_the_step_and_its_limit() {
        let quick = timed("greeting", Duration::from_secs(5), async { 7 }).await;
        assert_eq!(quick, Ok(7));
        let slow = timed(
            "LOGIN",
            Duration::from_millis(50),
            tokio::time::sleep(Duration::from_secs(5)),
        )
        .await;
        assert_eq!(
            slow,
            Err(Elapsed {
                step: "LOGIN",
                secs: 1
            })
        );
        let error = NetError::timed_out("mail.example", 993, slow.unwrap_err());
        assert_eq!(
            error.to_string(),
            "mail.example:993: no answer within 1 s during LOGIN"
        );
    }
}
