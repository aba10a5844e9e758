//! A message for people: an id in the message catalogues plus named arguments.
//!
//! The domain never formats user-facing text itself; the edge (web pages, the
//! command line) renders a [`Message`] in the reader's language.

/// One named argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg {
    Text(String),
    Number(i64),
}

impl From<&str> for MessageArg {
    fn from(value: &str) -> Self {
        MessageArg::Text(value.to_owned())
    }
}

impl From<String> for MessageArg {
    fn from(value: String) -> Self {
        MessageArg::Text(value)
    }
}

impl From<i64> for MessageArg {
    fn from(value: i64) -> Self {
        MessageArg::Number(value)
    }
}

impl From<usize> for MessageArg {
    fn from(value: usize) -> Self {
        MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// A catalogue id with its arguments, ready to be translated at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<MessageArg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

/// What is wrong with a form, field by field.
pub type FieldProblems = Vec<(&'static str, Message)>;
