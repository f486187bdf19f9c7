//! The check's progress and verdict, per server and step.

use iced::widget::{column, container, text, Column};
use iced::{Element, Padding};

use crate::mail::account::ServerKind;
use crate::ui::engine::{CheckEvent, ServerResult, StepState};
use crate::ui::theme;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerProgress {
    pub server: ServerKind,
    pub endpoint: String,
    pub steps: Vec<(String, StepState)>,
}

/// Everything the check has reported so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub servers: Vec<ServerProgress>,
    pub results: Option<Vec<ServerResult>>,
}

impl State {
    pub fn apply(&mut self, event: CheckEvent) {
        match event {
            CheckEvent::Step {
                server,
                endpoint,
                step,
                state,
            } => {
                let index = match self.servers.iter().position(|s| s.server == server) {
                    Some(index) => index,
                    None => {
                        self.servers.push(ServerProgress {
                            server,
                            endpoint,
                            steps: Vec::new(),
                        });
                        self.servers.len() - 1
                    }
                };
                let steps = &mut self.servers[index].steps;
                match steps.iter_mut().find(|(name, _)| *name == step) {
                    Some(entry) => entry.1 = state,
                    None => steps.push((step, state)),
                }
            }
            CheckEvent::Done(results) => self.results = Some(results),
        }
    }

    pub fn finished(&self) -> bool {
        self.results.is_some()
    }

    pub fn all_passed(&self) -> bool {
        self.results
            .as_ref()
            .is_some_and(|results| results.iter().all(|r| r.failure.is_none()))
    }

    pub fn view<'a, M: 'a>(&'a self) -> Element<'a, M> {
        let mut col = Column::new().spacing(theme::GAP);
        for server in &self.servers {
            let mut steps = Column::new().spacing(2).push(text(crate::fl!(
                "wizard-check-server",
                kind = server.server.label(),
                endpoint = server.endpoint.clone()
            )));
            for (step, state) in &server.steps {
                let line = match state {
                    StepState::Running => {
                        text(crate::fl!("wizard-step-running", step = step.clone()))
                    }
                    StepState::Passed => {
                        text(crate::fl!("wizard-step-passed", step = step.clone()))
                            .style(theme::success)
                    }
                    StepState::Failed => {
                        text(crate::fl!("wizard-step-failed", step = step.clone()))
                            .style(theme::error)
                    }
                };
                steps = steps
                    .push(container(line.size(theme::HINT_SIZE)).padding(Padding::ZERO.left(16)));
            }
            col = col.push(steps);
        }
        if let Some(results) = &self.results {
            for failure in results
                .iter()
                .filter_map(|r| r.failure.as_ref().map(|f| (r, f)))
            {
                let (result, failure) = failure;
                col = col.push(
                    column![
                        text(crate::fl!(
                            "wizard-check-failed-server",
                            kind = result.server.label(),
                            endpoint = result.endpoint.clone()
                        ))
                        .style(theme::error),
                        text(failure.message.clone()),
                        text(failure.hint.clone())
                            .size(theme::HINT_SIZE)
                            .style(theme::muted),
                    ]
                    .spacing(2),
                );
            }
        }
        col.into()
    }
}
