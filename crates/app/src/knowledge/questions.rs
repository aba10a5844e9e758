//! The question desk: a question from anyone (no account), a ticket for the
//! platform's experts, an answer by mail and by link, a FAQ item made from it
//! by an editor, and the asker's details deleted a year after the answer.

use passend_domain::access::{self, Actor};
use passend_domain::knowledge::Tag;
use passend_domain::knowledge::question::{FaqItem, Question, QuestionInput, validate_answer, validate_faq};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
use passend_storage::knowledge::{FaqRecord, QuestionRecord, QueuedMail};

use crate::accounts::secrets::{random_token, token_hash};
use crate::{App, Error, Result};

/// A stored question: its ticket number and the secret of the asker's link.
#[derive(Debug, Clone)]
pub struct AskedQuestion {
    pub id: i64,
    pub token: String,
}

impl App {
    /// Takes a question: stores the ticket, mails the asker the link to follow
    /// it and the experts that a question waits. Field problems when the form is wrong.
    pub async fn ask_question(
        &self,
        lang: Lang,
        input: &QuestionInput,
    ) -> Result<Result<AskedQuestion, FieldProblems>> {
        let question: Question = match input.validate(crate::lifecycle::today().0) {
            Ok(question) => question,
            Err(problems) => return Ok(Err(problems)),
        };
        if !crate::Mailer::can_address(question.email.as_str()) {
            return Ok(Err(vec![("email", Message::new("kb-email-invalid"))]));
        }
        let token = random_token();
        let link = self.link(&format!("/vraag/antwoord/{token}"));
        let asker_subject = lang.t("kb-mail-asked-subject");
        let asker_body = lang.t_with(
            "kb-mail-asked-body",
            &[
                ("name", question.name.clone().into()),
                ("link", link.into()),
                ("question", question.description.clone().into()),
            ],
        );
        let experts = self.db.expert_addresses().await?;
        let desk_subject = Lang::Nl.t("kb-mail-desk-subject");
        let desk_body = Lang::Nl.t_with("kb-mail-desk-body", &[("link", self.link("/vraagbaak").into())]);
        let mut mails = vec![QueuedMail { to: question.email.as_str(), subject: &asker_subject, body: &asker_body }];
        for expert in experts.iter().filter(|e| crate::Mailer::can_address(e)) {
            mails.push(QueuedMail { to: expert, subject: &desk_subject, body: &desk_body });
        }
        let (id, queued) = self.db.create_question(&question, &token_hash(&token), &mails).await?;
        for (mail, outbox_id) in mails.iter().zip(queued) {
            self.mailer.deliver_queued(outbox_id, mail.to, mail.subject, mail.body)?;
        }
        Ok(Ok(AskedQuestion { id, token }))
    }

    /// The question behind the asker's link, with the answer once there is one.
    pub async fn question_by_link(&self, token: &str) -> Result<QuestionRecord> {
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::NotFound);
        }
        self.db.question_by_token(&token_hash(token)).await?.ok_or(Error::NotFound)
    }

    /// The desk's tickets (experts and platform admins).
    pub async fn desk_questions(&self, actor: &Actor) -> Result<Vec<QuestionRecord>> {
        let desk = access::answer_questions(actor)?;
        Ok(self.db.desk_questions(&desk, 200).await?)
    }

    pub async fn desk_question(&self, actor: &Actor, id: i64) -> Result<QuestionRecord> {
        let desk = access::answer_questions(actor)?;
        Ok(self.db.desk_question(&desk, id).await?)
    }

    /// An expert answers: stored and mailed to the asker in one transaction.
    /// A ticket answered already is a conflict (two experts at once: the first wins).
    pub async fn answer_question(
        &self,
        actor: &Actor,
        expert_name: &str,
        id: i64,
        answer: &str,
    ) -> Result<Result<(), FieldProblems>> {
        let desk = access::answer_questions(actor)?;
        let answer = match validate_answer(answer, crate::lifecycle::today().0) {
            Ok(answer) => answer,
            Err(problems) => return Ok(Err(problems)),
        };
        let ticket = self.db.desk_question(&desk, id).await?;
        if ticket.answered_at.is_some() {
            return Err(Error::Conflict(vec![("answer", Message::new("kb-question-answered-already"))]));
        }
        let subject = Lang::Nl.t("kb-mail-answered-subject");
        let body = Lang::Nl.t_with(
            "kb-mail-answered-body",
            &[
                ("name", ticket.asker_name.clone().unwrap_or_default().into()),
                ("question", ticket.description.clone().into()),
                ("answer", answer.clone().into()),
                ("expert", expert_name.to_owned().into()),
            ],
        );
        let to = ticket.asker_email.clone().filter(|e| crate::Mailer::can_address(e));
        let mail = to.as_deref().map(|to| QueuedMail { to, subject: &subject, body: &body });
        let queued = match self.db.answer_question(&desk, id, &answer, expert_name, mail).await {
            Err(passend_storage::StorageError::Conflict) => {
                return Err(Error::Conflict(vec![("answer", Message::new("kb-question-answered-already"))]));
            }
            other => other?,
        };
        if let (Some(outbox_id), Some(to)) = (queued, to.as_deref()) {
            self.mailer.deliver_queued(outbox_id, to, &subject, &body)?;
        }
        Ok(Ok(()))
    }

    /// An editor of the platform publishes an answered question as a FAQ
    /// item, rewritten without the asker's details (refused when they still show).
    pub async fn publish_faq(
        &self,
        actor: &Actor,
        question_id: i64,
        question: &str,
        answer: &str,
        tags: &[String],
    ) -> Result<Result<i64, FieldProblems>> {
        let edit = access::edit_knowledge(actor)?;
        if !edit.covers(None) {
            return Err(Error::Forbidden);
        }
        let ticket = self.db.question_for_faq(&edit, question_id).await?;
        let asker = ticket_asker(&ticket);
        let item: FaqItem = match validate_faq(question, answer, tags, asker.as_ref(), crate::lifecycle::today().0) {
            Ok(item) => item,
            Err(problems) => return Ok(Err(problems)),
        };
        match self.db.publish_faq(&edit, question_id, &item).await {
            Err(passend_storage::StorageError::Conflict) => {
                Err(Error::Conflict(vec![("question", Message::new("kb-faq-not-possible"))]))
            }
            other => Ok(Ok(other?)),
        }
    }

    /// Published FAQ items, optionally for one tag.
    pub async fn faq(&self, tag: Option<&str>) -> Result<Result<Vec<FaqRecord>, FieldProblems>> {
        let tag = match tag.map(str::trim).filter(|t| !t.is_empty()) {
            None => None,
            Some(raw) => match Tag::parse(raw) {
                Ok(tag) => Some(tag),
                Err(problem) => return Ok(Err(vec![("tag", problem)])),
            },
        };
        Ok(Ok(self.db.faq_items(tag.as_ref(), 100).await?))
    }

    /// The housekeeping job's part: the asker's details go a year after the answer.
    pub async fn delete_expired_askers(&self, at: i64) -> Result<u64> {
        Ok(self.db.delete_expired_askers(at).await?)
    }
}

/// The asker's details as a [`Question`], to check a FAQ item does not show them.
fn ticket_asker(ticket: &QuestionRecord) -> Option<Question> {
    let email = passend_domain::accounts::Email::parse(ticket.asker_email.as_deref()?).ok()?;
    Some(Question {
        name: ticket.asker_name.clone().unwrap_or_default(),
        phone: ticket.asker_phone.clone().unwrap_or_default(),
        email,
        organisation: ticket.asker_organisation.clone().unwrap_or_default(),
        description: ticket.description.clone(),
    })
}
