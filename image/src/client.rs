//! A registry connection: which protocol, which CA certificates, which credentials,
//! and the mapping of the registry's errors onto coracle's.

use std::path::PathBuf;
use std::time::Duration;

use oci_client::client::{Certificate, CertificateEncoding, ClientConfig, ClientProtocol};
use oci_client::errors::{OciDistributionError, OciEnvelope, OciErrorCode};
use oci_client::secrets::RegistryAuth;
use oci_client::RegistryOperation;
use tokio::sync::OnceCell;

use crate::auth::{self, Credentials};
use crate::certs;
use crate::paths::ConfigPaths;
use crate::registries::RegistriesConf;
use crate::transfer_error::TransferError;

/// How to reach a registry, as the user's flags say.
#[derive(Clone, Debug, Default)]
pub struct TransportOptions {
    /// `--tls-verify`: None means "as registries.conf says" (verify unless `insecure = true`).
    pub tls_verify: Option<bool>,
    /// `--cert-dir`: the only directory to read CA certificates from.
    pub cert_dir: Option<PathBuf>,
    /// `--authfile`.
    pub authfile: Option<PathBuf>,
    /// `--creds user:password`, overriding stored credentials.
    pub credentials: Option<Credentials>,
}

/// A client bound to one registry, with its protocol decided and its credentials loaded.
pub struct RegistryClient {
    /// host\[:port\] as the user wrote it (docker.io for Docker Hub).
    pub registry: String,
    /// The underlying OCI distribution client.
    pub client: oci_client::Client,
    /// The credentials to present.
    pub auth: RegistryAuth,
    /// Whether credentials were found.
    pub has_credentials: bool,
    /// The HTTP client for manifests, which are read with a bound (oci-client reads
    /// them whole), configured like `client`.
    http: reqwest::Client,
    /// "http" or "https".
    scheme: &'static str,
    /// The bearer token for pulls, once fetched (`None`: the registry wants none).
    pull_token: OnceCell<Option<String>>,
}

/// The largest manifest, index or image configuration read (4 MiB, as containers/image).
pub const MAX_MANIFEST_SIZE: u64 = 4 << 20;

/// The largest error body of a registry that is read.
const MAX_ERROR_BODY: u64 = 64 << 10;

impl RegistryClient {
    /// Decide protocol and trust for `registry` and load credentials for `repository`.
    /// With TLS verification off, an HTTPS endpoint is used without verifying it and
    /// a plain-HTTP one is used as is (as Podman does).
    pub async fn connect(
        registry: &str,
        repository: Option<&str>,
        paths: &ConfigPaths,
        conf: &RegistriesConf,
        opts: &TransportOptions,
    ) -> Result<RegistryClient, TransferError> {
        let verify = opts
            .tls_verify
            .unwrap_or_else(|| !conf.is_insecure(registry));
        let mut config = ClientConfig {
            read_timeout: Some(Duration::from_secs(120)),
            connect_timeout: Some(Duration::from_secs(30)),
            user_agent: USER_AGENT,
            ..Default::default()
        };
        let mut http = reqwest::Client::builder()
            .read_timeout(Duration::from_secs(120))
            .connect_timeout(Duration::from_secs(30))
            .user_agent(USER_AGENT);
        let mut scheme = "https";
        if verify {
            for pem in certs::ca_certificates(paths, registry, opts.cert_dir.as_deref())? {
                let cert =
                    reqwest::Certificate::from_pem(&pem).map_err(|e| TransferError::Registry {
                        registry: registry.to_string(),
                        detail: format!("CA certificate: {}", chain_message(&e)),
                    })?;
                http = http.add_root_certificate(cert);
                config.extra_root_certificates.push(Certificate {
                    encoding: CertificateEncoding::Pem,
                    data: pem,
                });
            }
        } else {
            config.accept_invalid_certificates = true;
            http = http.danger_accept_invalid_certs(true);
            if !speaks_https(registry).await {
                config.protocol = ClientProtocol::Http;
                scheme = "http";
            }
        }
        let http = http.build().map_err(|e| TransferError::Registry {
            registry: registry.to_string(),
            detail: chain_message(&e),
        })?;
        log::debug!(
            "registry {registry}: {scheme}, TLS verification {}",
            if verify { "on" } else { "off" }
        );
        let credentials = match &opts.credentials {
            Some(c) => Some(c.clone()),
            None => auth::lookup(paths, opts.authfile.as_deref(), registry, repository)?,
        };
        let has_credentials = credentials.is_some();
        log::debug!(
            "registry {registry}: {} credentials",
            if has_credentials {
                "using stored"
            } else {
                "no"
            }
        );
        let auth = match credentials {
            Some(c) => RegistryAuth::Basic(c.username, c.password),
            None => RegistryAuth::Anonymous,
        };
        Ok(RegistryClient {
            registry: registry.to_string(),
            client: oci_client::Client::new(config),
            auth,
            has_credentials,
            http,
            scheme,
            pull_token: OnceCell::new(),
        })
    }

    /// Fetch a manifest or index (`reference` by tag or digest) with one of the
    /// `accepted` media types. Refused unread when the registry announces more than
    /// [`MAX_MANIFEST_SIZE`] bytes, and as soon as more arrive when it does not say.
    /// `what` names the reference in errors.
    pub async fn fetch_manifest(
        &self,
        reference: &oci_client::Reference,
        accepted: &[&str],
        what: &str,
    ) -> Result<Vec<u8>, TransferError> {
        let token = self
            .pull_token
            .get_or_try_init(|| async {
                self.client
                    .auth(reference, &self.auth, RegistryOperation::Pull)
                    .await
            })
            .await
            .map_err(|e| self.error(what, e))?;
        let url = format!(
            "{}://{}/v2/{}/manifests/{}",
            self.scheme,
            reference.resolve_registry(),
            reference.repository(),
            reference
                .digest()
                .or_else(|| reference.tag())
                .unwrap_or("latest"),
        );
        let mut request = self
            .http
            .get(&url)
            .header(reqwest::header::ACCEPT, accepted.join(", "));
        request = match (token, &self.auth) {
            (Some(token), _) => request.bearer_auth(token),
            (None, RegistryAuth::Basic(user, password)) => request.basic_auth(user, Some(password)),
            (None, _) => request,
        };
        log::debug!("GET {url}");
        let response = request
            .send()
            .await
            .map_err(|e| self.error(what, OciDistributionError::RequestError(e)))?;
        let status = response.status();
        log::debug!("GET {url}: {status}");
        if status != reqwest::StatusCode::OK {
            let body = read_bounded(response, MAX_ERROR_BODY)
                .await
                .unwrap_or_default();
            return Err(self.error(what, status_error(status, &body, &url)));
        }
        read_bounded(response, MAX_MANIFEST_SIZE)
            .await
            .map_err(|e| match e {
                BoundedRead::TooLarge(size) => TransferError::TooLarge {
                    what: format!("manifest {what}"),
                    size,
                    limit: MAX_MANIFEST_SIZE,
                },
                BoundedRead::Failed(e) => self.error(what, OciDistributionError::RequestError(e)),
            })
    }

    /// Map an oci-client error onto a one-line coracle error, naming `what` for lookups.
    pub fn error(&self, what: &str, err: OciDistributionError) -> TransferError {
        map_error(&self.registry, what, err)
    }
}

pub(crate) const USER_AGENT: &str = concat!("coracle/", env!("CARGO_PKG_VERSION"));

/// Why a bounded read of a response body stopped.
enum BoundedRead {
    /// The body is over the limit: its announced size, if any.
    TooLarge(Option<u64>),
    /// The transfer failed.
    Failed(reqwest::Error),
}

/// Read a response body of at most `limit` bytes: refused before reading when its
/// Content-Length says more, and as soon as more arrive otherwise.
async fn read_bounded(mut response: reqwest::Response, limit: u64) -> Result<Vec<u8>, BoundedRead> {
    if let Some(length) = response.content_length().filter(|l| *l > limit) {
        return Err(BoundedRead::TooLarge(Some(length)));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(BoundedRead::Failed)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(BoundedRead::TooLarge(None));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The error for a registry's non-200 answer, as oci-client would give it.
fn status_error(status: reqwest::StatusCode, body: &[u8], url: &str) -> OciDistributionError {
    if status == reqwest::StatusCode::UNAUTHORIZED {
        return OciDistributionError::UnauthorizedError {
            url: url.to_string(),
        };
    }
    let envelope = serde_json::from_slice::<OciEnvelope>(body)
        .ok()
        .filter(|_| status.is_client_error());
    match envelope {
        Some(envelope) => OciDistributionError::RegistryError {
            envelope,
            url: url.to_string(),
        },
        None => OciDistributionError::ServerError {
            code: status.as_u16(),
            url: url.to_string(),
            message: String::from_utf8_lossy(body).into_owned(),
        },
    }
}

/// Does the registry answer TLS on its port? Used only when verification is off.
async fn speaks_https(registry: &str) -> bool {
    if registry == "docker.io" {
        return true;
    }
    let Ok(client) = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(20))
        .build()
    else {
        return true;
    };
    client
        .get(format!("https://{registry}/v2/"))
        .send()
        .await
        .is_ok()
}

/// One line for an error chain: the error and its causes joined by ": ".
pub fn chain_message(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut cur = err.source();
    while let Some(e) = cur {
        let s = e.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        cur = e.source();
    }
    out.replace('\n', " ")
}

/// Map an oci-client error onto coracle's, for `registry`, while fetching `what`.
pub fn map_error(registry: &str, what: &str, err: OciDistributionError) -> TransferError {
    let unauthorized = |detail: String| TransferError::Unauthorized {
        registry: registry.to_string(),
        detail,
    };
    match err {
        OciDistributionError::AuthenticationFailure(s) => unauthorized(s),
        OciDistributionError::UnauthorizedError { .. } => {
            unauthorized("the registry refused access".into())
        }
        OciDistributionError::ServerError {
            code: 401, message, ..
        } => unauthorized(message),
        OciDistributionError::ServerError { code: 404, .. }
        | OciDistributionError::ImageManifestNotFoundError(_) => TransferError::NotFound {
            reference: what.to_string(),
        },
        OciDistributionError::RegistryError { envelope, .. } => {
            let first = envelope.errors.first();
            match first.map(|e| &e.code) {
                Some(OciErrorCode::Unauthorized) | Some(OciErrorCode::Denied) => {
                    unauthorized(first.map(|e| e.message.clone()).unwrap_or_default())
                }
                Some(OciErrorCode::ManifestUnknown)
                | Some(OciErrorCode::NameUnknown)
                | Some(OciErrorCode::NotFound)
                | Some(OciErrorCode::BlobUnknown) => TransferError::NotFound {
                    reference: what.to_string(),
                },
                _ => TransferError::Registry {
                    registry: registry.to_string(),
                    detail: envelope
                        .errors
                        .iter()
                        .map(|e| format!("{:?}: {}", e.code, e.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                },
            }
        }
        OciDistributionError::DigestError(oci_client::errors::DigestError::VerificationError {
            expected,
            actual,
        }) => TransferError::ManifestDigestMismatch { expected, actual },
        other if is_plain_http_answer(&other) => TransferError::PlainHttp {
            registry: registry.to_string(),
        },
        other => TransferError::Registry {
            registry: registry.to_string(),
            detail: chain_message(&other),
        },
    }
}

/// Did a TLS handshake fail because the server answered in plain HTTP? rustls then
/// sees bytes such as "HTTP/1.1 400" where a TLS record's content type belongs.
fn is_plain_http_answer(err: &(dyn std::error::Error + 'static)) -> bool {
    use rustls::{Error as Tls, InvalidMessage};
    let mut cur = Some(err);
    while let Some(e) = cur {
        // io::Error hides the error it wraps from source() (and may wrap another
        // io::Error): unwrap those layers by hand.
        let mut inner = e;
        while let Some(wrapped) = inner
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
        {
            inner = wrapped;
        }
        if matches!(
            inner.downcast_ref::<Tls>(),
            Some(Tls::InvalidMessage(InvalidMessage::InvalidContentType))
        ) {
            return true;
        }
        cur = e.source();
    }
    false
}

/// Check credentials against a registry's /v2/ endpoint, as `podman login` does.
/// Returns Ok when the registry accepts them (or needs none).
pub async fn verify_login(
    registry: &str,
    creds: &Credentials,
    paths: &ConfigPaths,
    conf: &RegistriesConf,
    opts: &TransportOptions,
) -> Result<(), TransferError> {
    let mut opts = opts.clone();
    opts.credentials = Some(creds.clone());
    let rc = RegistryClient::connect(registry, None, paths, conf, &opts).await?;
    // A token flow (Docker Hub) needs a repository scope; a basic-auth registry checks
    // the password on any request. `auth` performs the challenge with these credentials.
    let probe = oci_client::Reference::with_tag(
        registry.to_string(),
        "library/coracle-login-probe".into(),
        "latest".into(),
    );
    match rc
        .client
        .auth(&probe, &rc.auth, oci_client::RegistryOperation::Pull)
        .await
    {
        Ok(Some(_token)) => Ok(()),
        Ok(None) => check_basic(registry, creds, &rc).await,
        Err(OciDistributionError::AuthenticationFailure(_))
        | Err(OciDistributionError::UnauthorizedError { .. }) => {
            Err(TransferError::BadCredentials {
                registry: registry.to_string(),
            })
        }
        Err(e) => Err(rc.error(registry, e)),
    }
}

/// For registries with HTTP basic auth: GET /v2/ with the credentials must not answer 401.
async fn check_basic(
    registry: &str,
    creds: &Credentials,
    rc: &RegistryClient,
) -> Result<(), TransferError> {
    let probe = oci_client::Reference::with_tag(
        registry.to_string(),
        "coracle-login-probe".into(),
        "latest".into(),
    );
    // list_tags on a missing repository answers 404 when authorised, 401 when not.
    match rc
        .client
        .list_tags(
            &probe,
            &RegistryAuth::Basic(creds.username.clone(), creds.password.clone()),
            Some(1),
            None,
        )
        .await
    {
        Ok(_) => Ok(()),
        Err(e) => match map_error(registry, registry, e) {
            TransferError::Unauthorized { .. } => Err(TransferError::BadCredentials {
                registry: registry.to_string(),
            }),
            TransferError::NotFound { .. } => Ok(()),
            other => Err(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error as IoError, ErrorKind};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A plain-HTTP registry on 127.0.0.1 that answers `/v2/` and a few manifests:
    /// `small` (1 KiB), `announced` (says 5 MiB, then stalls), `chunked` (5 MiB
    /// without a length), `missing` (404 with an OCI error).
    async fn registry() -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            while let Ok((mut conn, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") {
                        // 0x16 starts the TLS probe's handshake: refused, like a
                        // plain-HTTP registry would.
                        if conn.read(&mut byte).await.unwrap_or(0) == 0
                            || (head.is_empty() && byte[0] == 0x16)
                        {
                            return;
                        }
                        head.push(byte[0]);
                    }
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let path = head.split(' ').nth(1).unwrap_or("").to_string();
                    let reply = |status: &str, extra: &str, body: &[u8]| {
                        let mut r =
                            format!("HTTP/1.1 {status}\r\n{extra}connection: close\r\n\r\n")
                                .into_bytes();
                        r.extend(body);
                        r
                    };
                    let small = vec![b' '; 1024];
                    let out = match path.as_str() {
                        "/v2/" => reply("200 OK", "content-length: 2\r\n", b"{}"),
                        "/v2/small/manifests/latest" => {
                            reply("200 OK", "content-length: 1024\r\n", &small)
                        }
                        "/v2/announced/manifests/latest" => {
                            reply("200 OK", "content-length: 5242880\r\n", b"{")
                        }
                        "/v2/chunked/manifests/latest" => {
                            let _ = conn
                                .write_all(&reply("200 OK", "transfer-encoding: chunked\r\n", b""))
                                .await;
                            let chunk = format!("10000\r\n{}\r\n", " ".repeat(0x10000));
                            for _ in 0..80 {
                                if conn.write_all(chunk.as_bytes()).await.is_err() {
                                    return;
                                }
                            }
                            b"0\r\n\r\n".to_vec()
                        }
                        _ => reply(
                            "404 Not Found",
                            "content-type: application/json\r\n",
                            br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#,
                        ),
                    };
                    let _ = conn.write_all(&out).await;
                    if path.starts_with("/v2/announced") {
                        // Never send the rest: only a reader that believes the
                        // announced length would wait for it.
                        tokio::time::sleep(Duration::from_secs(60)).await;
                    }
                });
            }
        });
        addr
    }

    async fn client(registry: &str) -> RegistryClient {
        let dir = tempfile::tempdir().unwrap();
        let paths = ConfigPaths::under(dir.path());
        let conf = RegistriesConf::parse("", dir.path()).unwrap();
        let opts = TransportOptions {
            tls_verify: Some(false),
            ..Default::default()
        };
        RegistryClient::connect(registry, Some("x"), &paths, &conf, &opts)
            .await
            .unwrap()
    }

    async fn fetch(
        rc: &RegistryClient,
        registry: &str,
        repo: &str,
    ) -> Result<Vec<u8>, TransferError> {
        let reference: oci_client::Reference = format!("{registry}/{repo}:latest").parse().unwrap();
        let fetched = rc.fetch_manifest(&reference, &["application/json"], repo);
        tokio::time::timeout(Duration::from_secs(10), fetched)
            .await
            .expect("the fetch did not wait for a body it was told about")
    }

    #[tokio::test]
    async fn manifests_over_4_mib_are_refused_before_they_are_read_whole() {
        let registry = registry().await;
        let rc = client(&registry).await;
        assert_eq!(fetch(&rc, &registry, "small").await.unwrap().len(), 1024);
        let err = fetch(&rc, &registry, "announced").await.unwrap_err();
        assert!(
            matches!(
                err,
                TransferError::TooLarge {
                    size: Some(5242880),
                    limit: MAX_MANIFEST_SIZE,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("4194304"), "{err}");
        let err = fetch(&rc, &registry, "chunked").await.unwrap_err();
        assert!(
            matches!(err, TransferError::TooLarge { size: None, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("manifest chunked"), "{err}");
        let err = fetch(&rc, &registry, "missing").await.unwrap_err();
        assert!(matches!(err, TransferError::NotFound { .. }), "{err}");
    }

    #[test]
    fn a_plain_http_answer_is_recognised_through_nested_io_errors() {
        // As hyper-util hands it over: io::Error(Other, io::Error(InvalidData, rustls)).
        let tls = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
        let nested = IoError::other(IoError::new(ErrorKind::InvalidData, tls));
        assert!(is_plain_http_answer(&nested));

        let other_tls = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidEmptyPayload);
        let nested = IoError::other(IoError::new(ErrorKind::InvalidData, other_tls));
        assert!(!is_plain_http_answer(&nested));
        assert!(!is_plain_http_answer(&IoError::from(
            ErrorKind::ConnectionRefused
        )));
    }
}
