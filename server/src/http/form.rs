//! Typed forms. A handler names the struct its form fills (`Deserialize`,
//! a repeated field as a `Vec`): [`Form`] reads it from a URL-encoded body
//! with `axum_extra`'s form extractor (which, unlike axum's, keeps repeated
//! fields), [`Submission`] from either encoding with at most one file. A body
//! that does not fit the struct answers "bad request" through the one error
//! path. After a refusal, [`refill`] shows the same struct's values again;
//! fields marked `#[serde(skip_serializing)]` (passwords) never go back.

use std::collections::BTreeMap;

use app::page::FormState;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::AppError;

/// A URL-encoded form read into `T`.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum_extra::extract::Form::<T>::from_request(req, state).await {
            Ok(axum_extra::extract::Form(value)) => Ok(Form(value)),
            Err(e) => Err(refused(e.status(), e.body_text())),
        }
    }
}

/// A form read into `T`, URL-encoded or multipart, with the file chosen in
/// its `file` input, if any.
pub struct Submission<T> {
    pub form: T,
    /// The uploader's file name and the bytes.
    pub file: Option<(String, Bytes)>,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Submission<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Form(form) = Form::<T>::from_request(req, state).await?;
            return Ok(Submission { form, file: None });
        }
        let mut body = Multipart::from_request(req, state)
            .await
            .map_err(|e| refused(e.status(), e.body_text()))?;
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut file = None;
        while let Some(field) = body
            .next_field()
            .await
            .map_err(|e| refused(e.status(), e.body_text()))?
        {
            let name = field.name().unwrap_or_default().to_string();
            match field.file_name().map(str::to_string) {
                Some(file_name) if name == "file" => {
                    let bytes = field
                        .bytes()
                        .await
                        .map_err(|e| refused(e.status(), e.body_text()))?;
                    // A file input left empty still sends a part, nameless and empty.
                    if !(file_name.is_empty() && bytes.is_empty()) {
                        file = Some((file_name, bytes));
                    }
                }
                _ => {
                    let value = field
                        .text()
                        .await
                        .map_err(|e| refused(e.status(), e.body_text()))?;
                    pairs.push((name, value));
                }
            }
        }
        let text = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish();
        let form = serde_html_form::from_str(&text)
            .map_err(|e| AppError::BadRequest(format!("the form does not fit: {e}")))?;
        Ok(Submission { form, file })
    }
}

fn refused(status: StatusCode, text: String) -> AppError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::BadRequest(text)
    }
}

/// The form `name` shown again with what was sent in `form` and what is
/// wrong with it.
pub fn refill<T: Serialize>(name: &str, form: &T, errors: &[store::FieldError]) -> FormState {
    FormState {
        form: name.into(),
        values: values_of(form),
        errors: errors
            .iter()
            .map(|e| (e.field.to_string(), e.code.to_string()))
            .collect(),
        message: None,
    }
}

/// A form struct's fields as the page shows them: text as is, several
/// choices comma-separated, a flag as `true`/`false`, nothing for `None`.
pub fn values_of<T: Serialize>(form: &T) -> BTreeMap<String, String> {
    let Ok(Value::Object(fields)) = serde_json::to_value(form) else {
        return BTreeMap::new();
    };
    fields
        .into_iter()
        .filter_map(|(name, value)| Some((name, shown(value)?)))
        .collect()
}

fn shown(value: Value) -> Option<String> {
    Some(match value {
        Value::Null => return None,
        Value::String(s) => s,
        Value::Array(items) => items
            .into_iter()
            .filter_map(shown)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize, Serialize)]
    #[serde(default)]
    #[derive(Default)]
    struct Sample {
        email: String,
        #[serde(skip_serializing)]
        password: String,
        topics: Vec<String>,
        enabled: Option<String>,
    }

    #[test]
    fn repeated_fields_are_read_as_a_list_and_shown_back_without_secrets() {
        let sent: Sample = serde_html_form::from_str(
            "email=a%40example.org&password=hunter22&topics=t1&topics=t2&csrf=x",
        )
        .unwrap();
        assert_eq!(sent.topics, ["t1", "t2"]);
        assert_eq!(sent.password, "hunter22");
        let state = refill(
            "sample",
            &sent,
            &[store::FieldError::new("email", "email-taken")],
        );
        assert_eq!(state.value("email"), "a@example.org");
        assert_eq!(state.value("topics"), "t1,t2");
        assert!(!state.values.contains_key("password"), "{:?}", state.values);
        assert!(!state.values.contains_key("enabled"), "None is not shown");
        assert_eq!(state.error("email").as_deref(), Some("email-taken"));
    }

    #[test]
    fn a_refused_registration_never_carries_its_password_back() {
        let reg = store::users::Registration {
            email: "a@example.org".into(),
            display_name: "Ada".into(),
            password: "correct horse battery".into(),
        };
        let values = values_of(&reg);
        assert_eq!(values["display_name"], "Ada");
        assert!(values.values().all(|v| !v.contains("horse")), "{values:?}");
    }
}
