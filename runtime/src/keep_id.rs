//! `--userns=keep-id`: the invoking user keeps its uid and gid inside the container,
//! and gets entries in the container's /etc/passwd and /etc/group (as Podman adds
//! them) when the image has none for those ids. The files are generated next to the
//! container's other /etc files and bound over the image's, so the image's layers
//! and the container's upper directory are not touched.

use std::path::{Path, PathBuf};

use crate::passwd::{group_by_gid, user_by_uid};

/// The invoking user, as the host's /etc/passwd and /etc/group describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostUser {
    /// Login name.
    pub name: String,
    /// Its uid.
    pub uid: u32,
    /// Its primary gid.
    pub gid: u32,
    /// Name of the primary group (the uid's name when the group has no entry).
    pub group: String,
    /// Home directory.
    pub home: String,
}

impl HostUser {
    /// The calling user, from the host's /etc/passwd and /etc/group; ids stand in
    /// for names that are missing.
    pub fn current() -> HostUser {
        let uid = rustix::process::getuid().as_raw();
        let gid = rustix::process::getgid().as_raw();
        let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
        let group = std::fs::read_to_string("/etc/group").unwrap_or_default();
        let entry = user_by_uid(&passwd, uid);
        let name = entry
            .as_ref()
            .map_or_else(|| uid.to_string(), |e| e.name.clone());
        HostUser {
            uid,
            gid,
            home: entry.map_or_else(|| "/".into(), |e| e.home),
            group: group_by_gid(&group, gid).map_or_else(|| name.clone(), |g| g.name),
            name,
        }
    }

    /// The passwd line Podman adds for the user.
    pub fn passwd_line(&self) -> String {
        format!(
            "{}:*:{}:{}:{}:{}:/bin/sh\n",
            self.name, self.uid, self.gid, self.name, self.home
        )
    }

    /// The group line Podman adds for the user's primary group.
    pub fn group_line(&self) -> String {
        format!("{}:x:{}:{}\n", self.group, self.gid, self.name)
    }
}

/// The passwd file `passwd` with the user's line appended, or None when it has an
/// entry for the uid already.
pub fn with_user(passwd: &str, user: &HostUser) -> Option<String> {
    user_by_uid(passwd, user.uid)
        .is_none()
        .then(|| appended(passwd, &user.passwd_line()))
}

/// The group file `group` with the user's group line appended, or None when it has
/// an entry for the gid already.
pub fn with_group(group: &str, user: &HostUser) -> Option<String> {
    group_by_gid(group, user.gid)
        .is_none()
        .then(|| appended(group, &user.group_line()))
}

fn appended(existing: &str, line: &str) -> String {
    let mut out = existing.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(line);
    out
}

/// What the image has at a path, looking through its layers (top first).
#[derive(Debug, PartialEq, Eq)]
pub enum LayerFile {
    /// A regular file with this content.
    Text(String),
    /// No such file (never there, or deleted by a whiteout).
    Missing,
    /// Something else (a symlink, a directory, unreadable): leave it alone.
    Other,
}

/// Find `rel` (relative, e.g. "etc/passwd") in the layer directories, top first.
pub fn read_from_layers(lower: &[PathBuf], rel: &str) -> LayerFile {
    use std::os::unix::fs::FileTypeExt;
    for layer in lower {
        let path = layer.join(rel);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let kind = meta.file_type();
        if kind.is_char_device() {
            // An overlay whiteout: deleted in this layer.
            return LayerFile::Missing;
        }
        if !kind.is_file() {
            return LayerFile::Other;
        }
        return match std::fs::read_to_string(&path) {
            Ok(text) => LayerFile::Text(text),
            Err(_) => LayerFile::Other,
        };
    }
    LayerFile::Missing
}

/// [`with_user`] or [`with_group`].
type AddEntry = fn(&str, &HostUser) -> Option<String>;

/// The generated /etc/passwd and /etc/group for a keep-id container, written into
/// `dir`: (container path, host file) pairs to bind. Files that need no entry (the
/// image has one for the ids already) or that are not plain files are left alone.
pub fn etc_files(
    lower: &[PathBuf],
    user: &HostUser,
    dir: &Path,
) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let files: [(&str, AddEntry); 2] = [("passwd", with_user), ("group", with_group)];
    for (file, add) in files {
        let existing = match read_from_layers(lower, &format!("etc/{file}")) {
            LayerFile::Text(t) => t,
            LayerFile::Missing => String::new(),
            LayerFile::Other => continue,
        };
        if let Some(text) = add(&existing, user) {
            let path = dir.join(file);
            std::fs::write(&path, text)?;
            out.push((format!("/etc/{file}"), path));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> HostUser {
        HostUser {
            name: "dev".into(),
            uid: 1000,
            gid: 1001,
            group: "devs".into(),
            home: "/home/dev".into(),
        }
    }

    #[test]
    fn lines_look_like_podmans() {
        assert_eq!(
            user().passwd_line(),
            "dev:*:1000:1001:dev:/home/dev:/bin/sh\n"
        );
        assert_eq!(user().group_line(), "devs:x:1001:dev\n");
    }

    #[test]
    fn an_entry_is_added_only_when_the_id_is_free() {
        let base = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false";
        let added = with_user(base, &user()).unwrap();
        assert!(added.starts_with(base));
        assert!(added.ends_with("\ndev:*:1000:1001:dev:/home/dev:/bin/sh\n"));
        let root = HostUser { uid: 0, ..user() };
        assert_eq!(with_user(base, &root), None);
        assert_eq!(with_user("", &user()).unwrap(), user().passwd_line());
        assert_eq!(with_group("devs:x:1001:\n", &user()), None);
        assert_eq!(with_group("", &user()).unwrap(), user().group_line());
    }

    #[test]
    fn layers_are_searched_top_first_and_whiteouts_hide() {
        let d = tempfile::tempdir().unwrap();
        let top = d.path().join("top");
        let bottom = d.path().join("bottom");
        std::fs::create_dir_all(top.join("etc")).unwrap();
        std::fs::create_dir_all(bottom.join("etc")).unwrap();
        std::fs::write(bottom.join("etc/passwd"), "bottom\n").unwrap();
        let lower = vec![top.clone(), bottom.clone()];
        assert_eq!(
            read_from_layers(&lower, "etc/passwd"),
            LayerFile::Text("bottom\n".into())
        );
        std::fs::write(top.join("etc/passwd"), "top\n").unwrap();
        assert_eq!(
            read_from_layers(&lower, "etc/passwd"),
            LayerFile::Text("top\n".into())
        );
        std::fs::remove_file(top.join("etc/passwd")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", top.join("etc/passwd")).unwrap();
        assert_eq!(read_from_layers(&lower, "etc/passwd"), LayerFile::Other);
        assert_eq!(read_from_layers(&lower, "etc/none"), LayerFile::Missing);
    }

    #[test]
    fn generated_files_are_written_and_listed() {
        let d = tempfile::tempdir().unwrap();
        let layer = d.path().join("l");
        std::fs::create_dir_all(layer.join("etc")).unwrap();
        std::fs::write(layer.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
        std::fs::write(layer.join("etc/group"), "devs:x:1001:\n").unwrap();
        let files = etc_files(&[layer], &user(), d.path()).unwrap();
        assert_eq!(
            files,
            [("/etc/passwd".to_string(), d.path().join("passwd"))]
        );
        let text = std::fs::read_to_string(d.path().join("passwd")).unwrap();
        assert!(text.contains("\ndev:*:1000:1001:dev:/home/dev:/bin/sh\n"));
    }
}
