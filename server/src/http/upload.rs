//! A form with one uploaded file (multipart): the resource editor's
//! attachments and the topic scheme import read it the same way.

use axum::Form;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

/// A submitted form's fields, and the file chosen in it, if any.
pub struct Submission {
    pub fields: Vec<(String, String)>,
    /// The uploader's file name and the bytes.
    pub file: Option<(String, Bytes)>,
}

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) = Form::<Vec<(String, String)>>::from_request(req, state)
                .await
                .map_err(IntoResponse::into_response)?;
            return Ok(Submission { fields, file: None });
        }
        let mut body = Multipart::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut out = Submission {
            fields: Vec::new(),
            file: None,
        };
        while let Some(field) = body
            .next_field()
            .await
            .map_err(IntoResponse::into_response)?
        {
            let name = field.name().unwrap_or_default().to_string();
            match field.file_name().map(str::to_string) {
                Some(file_name) if name == "file" => {
                    let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
                    // A file input left empty still sends a part, nameless and empty.
                    if !(file_name.is_empty() && bytes.is_empty()) {
                        out.file = Some((file_name, bytes));
                    }
                }
                _ => {
                    let text = field.text().await.map_err(IntoResponse::into_response)?;
                    out.fields.push((name, text));
                }
            }
        }
        Ok(out)
    }
}
