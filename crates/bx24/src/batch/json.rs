//! Between REST and JSON: call parameters serialised into an object, results decoded.

use crate::error::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Decodes `value` into `T`. Debug builds (the tests, `trunk serve`) name the failing field's
/// path; release builds keep serde's message only, which saves ~6 KB of wasm per bundle.
#[cfg(debug_assertions)]
pub(crate) fn decode<T: DeserializeOwned>(method: &str, value: Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|err| Error::Decode {
        method: method.to_owned(),
        path: err.path().to_string(),
        message: err.into_inner().to_string(),
    })
}

/// Decodes `value` into `T` (release build: serde's message, no path).
#[cfg(not(debug_assertions))]
pub(crate) fn decode<T: DeserializeOwned>(method: &str, value: Value) -> Result<T, Error> {
    serde_json::from_value(value).map_err(|err| Error::Decode {
        method: method.to_owned(),
        path: String::new(),
        message: err.to_string(),
    })
}

/// Serialises call parameters; `()` and `null` mean none.
pub(crate) fn params_value<P: Serialize + ?Sized>(
    method: &str,
    params: &P,
) -> Result<Value, Error> {
    match serde_json::to_value(params) {
        Ok(value) => object_params(method, value),
        Err(err) => Err(Error::Decode {
            method: method.to_owned(),
            path: String::new(),
            message: format!("parameters cannot be serialised: {err}"),
        }),
    }
}

/// Call parameters as an object; `null` means none.
pub(super) fn object_params(method: &str, params: Value) -> Result<Value, Error> {
    match params {
        Value::Null => Ok(Value::Object(Default::default())),
        value @ Value::Object(_) => Ok(value),
        other => Err(Error::Decode {
            method: method.to_owned(),
            path: String::new(),
            message: format!("parameters must be an object, not {}", kind(&other)),
        }),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
