//! A registry connection: which protocol, which CA certificates, which credentials,
//! and the mapping of the registry's errors onto coracle's.

use std::path::PathBuf;
use std::time::Duration;

use oci_client::client::{Certificate, CertificateEncoding, ClientConfig, ClientProtocol};
use oci_client::errors::{OciDistributionError, OciErrorCode};
use oci_client::secrets::RegistryAuth;

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
    /// host[:port] as the user wrote it (docker.io for Docker Hub).
    pub registry: String,
    /// The underlying OCI distribution client.
    pub client: oci_client::Client,
    /// The credentials to present.
    pub auth: RegistryAuth,
    /// Whether credentials were found.
    pub has_credentials: bool,
}

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
            user_agent: concat!("coracle/", env!("CARGO_PKG_VERSION")),
            ..Default::default()
        };
        if verify {
            for pem in certs::ca_certificates(paths, registry, opts.cert_dir.as_deref())? {
                config.extra_root_certificates.push(Certificate {
                    encoding: CertificateEncoding::Pem,
                    data: pem,
                });
            }
        } else {
            config.accept_invalid_certificates = true;
            if !speaks_https(registry).await {
                config.protocol = ClientProtocol::Http;
            }
        }
        let credentials = match &opts.credentials {
            Some(c) => Some(c.clone()),
            None => auth::lookup(paths, opts.authfile.as_deref(), registry, repository)?,
        };
        let has_credentials = credentials.is_some();
        let auth = match credentials {
            Some(c) => RegistryAuth::Basic(c.username, c.password),
            None => RegistryAuth::Anonymous,
        };
        Ok(RegistryClient {
            registry: registry.to_string(),
            client: oci_client::Client::new(config),
            auth,
            has_credentials,
        })
    }

    /// Map an oci-client error onto a one-line coracle error, naming `what` for lookups.
    pub fn error(&self, what: &str, err: OciDistributionError) -> TransferError {
        map_error(&self.registry, what, err)
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
