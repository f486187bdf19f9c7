//! The SMTP part of the check: a small dialog of our own (EHLO, AUTH, QUIT) so that the
//! greeting and the login are reported separately and the reply codes are checked exactly.

use tokio::io::{AsyncRead, AsyncWrite};

use super::{base64, net, CheckError, Ctx, Login, Run, Step};
use crate::mail::account::AuthMech;
use crate::mail::starttls::{ehlo_name, LineReader, SmtpReply};

/// Greeting and EHLO (when the server greets on this connection), AUTH, QUIT.
pub(super) async fn session<S>(
    run: &mut Run<'_>,
    stream: S,
    read_greeting: bool,
    login: &Login<'_>,
) -> Result<(), CheckError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send,
{
    let ctx = run.ctx.clone();
    let mut reader = LineReader::new(stream, &ctx.host, ctx.port, &ctx.timeouts);
    let mut ehlo = None;
    if read_greeting {
        ehlo = Some(
            run.step(
                Step::Greeting,
                ctx.limited(Step::Greeting, async {
                    let greeting = reader
                        .read_smtp_reply("greeting")
                        .await
                        .map_err(net(Step::Greeting))?;
                    if greeting.code != 220 {
                        return Err(ctx.protocol(Step::Greeting, greeting.text()));
                    }
                    say_ehlo(&ctx, &mut reader, Step::Greeting).await
                }),
            )
            .await?,
        );
    }
    run.step(Step::Authenticate, async {
        let result = ctx
            .limited(Step::Authenticate, async {
                let ehlo = match ehlo {
                    Some(ehlo) => ehlo,
                    // After STARTTLS the server forgets the first EHLO (RFC 3207 4.2).
                    None => say_ehlo(&ctx, &mut reader, Step::Authenticate).await?,
                };
                authenticate(&ctx, &mut reader, &ehlo, login).await
            })
            .await;
        ctx.farewell(async {
            if reader.send_line("QUIT", "QUIT").await.is_ok() {
                let _ = reader.read_smtp_reply("QUIT").await;
            }
        })
        .await;
        result
    })
    .await
}

async fn say_ehlo<S: AsyncRead + AsyncWrite + Unpin>(
    ctx: &Ctx,
    reader: &mut LineReader<S>,
    step: Step,
) -> Result<SmtpReply, CheckError> {
    // A TLS stream hides the socket, so use a neutral literal rather than our address.
    reader
        .send_line("EHLO", &format!("EHLO {}", ehlo_name(None)))
        .await
        .map_err(net(step))?;
    let reply = reader.read_smtp_reply("EHLO").await.map_err(net(step))?;
    if reply.code != 250 {
        return Err(ctx.protocol(step, reply.text()));
    }
    Ok(reply)
}

/// The SASL mechanisms an EHLO reply offers (`AUTH PLAIN LOGIN`, or the old `AUTH=PLAIN`).
pub(super) fn auth_mechanisms(ehlo: &SmtpReply) -> Vec<String> {
    ehlo.ehlo_keywords()
        .iter()
        .filter_map(|line| {
            line.strip_prefix("AUTH ")
                .or_else(|| line.strip_prefix("AUTH="))
        })
        .flat_map(|mechs| mechs.split_whitespace().map(str::to_string))
        .collect()
}

async fn authenticate<S: AsyncRead + AsyncWrite + Unpin>(
    ctx: &Ctx,
    reader: &mut LineReader<S>,
    ehlo: &SmtpReply,
    login: &Login<'_>,
) -> Result<(), CheckError> {
    const STEP: Step = Step::Authenticate;
    let offered = auth_mechanisms(ehlo);
    let wanted = match login.mech {
        AuthMech::Plain => "PLAIN",
        AuthMech::Login => "LOGIN",
    };
    if !offered.iter().any(|m| m == wanted) {
        return Err(CheckError::NoAuthMechanism {
            host: ctx.host.clone(),
            port: ctx.port,
            offered: if offered.is_empty() {
                "-".into()
            } else {
                offered.join(" ")
            },
        });
    }
    let password = login.password.expose();
    let final_reply = match login.mech {
        AuthMech::Plain => {
            let token = base64(format!("\0{}\0{}", login.username, password).as_bytes());
            reader
                .send_line("AUTH", &format!("AUTH PLAIN {token}"))
                .await
                .map_err(net(STEP))?;
            reader.read_smtp_reply("AUTH").await.map_err(net(STEP))?
        }
        AuthMech::Login => {
            reader
                .send_line("AUTH", "AUTH LOGIN")
                .await
                .map_err(net(STEP))?;
            let mut reply = reader.read_smtp_reply("AUTH").await.map_err(net(STEP))?;
            for secret in [login.username, password] {
                if reply.code != 334 {
                    break;
                }
                reader
                    .send_line("AUTH", &base64(secret.as_bytes()))
                    .await
                    .map_err(net(STEP))?;
                reply = reader.read_smtp_reply("AUTH").await.map_err(net(STEP))?;
            }
            reply
        }
    };
    match final_reply.code {
        235 => Ok(()),
        // 535: credentials invalid (RFC 4954); 534 (mechanism too weak) and 454 (temporary) are
        // not the password's fault and are reported as they are.
        535 => Err(ctx.auth_failed(final_reply.lines.join(" "))),
        _ => Err(ctx.protocol(STEP, final_reply.text())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mechanisms_from_both_ehlo_styles() {
        let reply = SmtpReply {
            code: 250,
            lines: vec![
                "mail.example Hello".into(),
                "PIPELINING".into(),
                "auth plain login".into(),
                "AUTH=XOAUTH2".into(),
            ],
        };
        assert_eq!(auth_mechanisms(&reply), vec!["PLAIN", "LOGIN", "XOAUTH2"]);
    }
}
