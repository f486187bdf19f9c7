//! Embeds the Windows icon and manifest; nothing to do on other platforms.

fn main() {
    println!("cargo:rerun-if-changed=packaging/windows/pillarbox.rc");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        embed_resource::compile("packaging/windows/pillarbox.rc", embed_resource::NONE)
            .manifest_optional()
            .expect("Windows resources compile");
    }
}
