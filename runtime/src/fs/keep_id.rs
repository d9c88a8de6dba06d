//! `--userns=keep-id`: the invoking user keeps its uid and gid inside the container,
//! and gets entries in the container's /etc/passwd and /etc/group (as Podman adds
//! them) when the image has none for those ids. The image's files are read from the
//! mounted root, resolved inside it; the new ones are generated next to the
//! container's other /etc files and bound over the image's, so the image's layers
//! and the container's upper directory are not touched.

use std::path::{Path, PathBuf};

use crate::fs::inroot::Root;
use crate::ids::passwd::{group_by_gid, user_by_uid};

/// The invoking user, as the host's /etc/passwd and /etc/group describe it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// The generated files of a keep-id container: who to add, and the host directory
/// (the container's files directory in the runtime directory) to write the files into before they are bound in.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct KeepIdFiles {
    /// The invoking user.
    pub user: HostUser,
    /// Where the generated passwd and group files are written.
    pub dir: PathBuf,
}

/// The largest /etc/passwd or /etc/group read from an image; a bigger one is left
/// alone (no entry is added).
const MAX_ACCOUNT_FILE: u64 = 4 << 20;

/// What the container's root has at a path.
#[derive(Debug, PartialEq, Eq)]
pub enum ImageFile {
    /// A regular file with this content.
    Text(String),
    /// No such file.
    Missing,
    /// Something else (a directory, a FIFO, too large, unreadable): leave it alone.
    Other,
}

/// Read `path` of the container's mounted root, resolved inside it (a symlink of
/// the image is followed as the container would follow it, never to the host).
pub fn read_image_file(root: &Root, path: &Path) -> ImageFile {
    let fd = match root.open_read(path) {
        Ok(fd) => fd,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return ImageFile::Missing,
        Err(_) => return ImageFile::Other,
    };
    match rustix::fs::fstat(&fd) {
        Ok(st) if rustix::fs::FileType::from_raw_mode(st.st_mode).is_file() => {}
        _ => return ImageFile::Other,
    }
    match crate::fs::inroot::read_bounded(fd, MAX_ACCOUNT_FILE).map(String::from_utf8) {
        Ok(Ok(text)) => ImageFile::Text(text),
        _ => ImageFile::Other,
    }
}

/// [`with_user`] or [`with_group`].
type AddEntry = fn(&str, &HostUser) -> Option<String>;

/// The generated /etc/passwd and /etc/group for a keep-id container whose root is
/// mounted at `root`, written into `files.dir`: (container path, host file) pairs to
/// bind. Files that need no entry (the image has one for the ids already) or that
/// are not plain files are left alone.
pub fn etc_files(root: &Root, files: &KeepIdFiles) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let generated: [(&str, AddEntry); 2] = [("passwd", with_user), ("group", with_group)];
    for (file, add) in generated {
        let target = format!("/etc/{file}");
        let existing = match read_image_file(root, Path::new(&target)) {
            ImageFile::Text(t) => t,
            ImageFile::Missing => String::new(),
            ImageFile::Other => continue,
        };
        if let Some(text) = add(&existing, &files.user) {
            let path = files.dir.join(file);
            std::fs::write(&path, text)?;
            out.push((target, path));
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
    fn the_root_is_read_inside_it_and_bounded() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("root");
        let host = d.path().join("host");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::create_dir_all(&host).unwrap();
        std::fs::write(host.join("passwd"), "host\n").unwrap();
        std::fs::write(root.join("etc/passwd"), "image\n").unwrap();
        let r = Root::open(&root).unwrap();
        let read = |p: &str| read_image_file(&r, Path::new(p));
        assert_eq!(read("/etc/passwd"), ImageFile::Text("image\n".into()));
        assert_eq!(read("/etc/none"), ImageFile::Missing);
        assert_eq!(read("/etc"), ImageFile::Other);
        // A link to the host's file is followed inside the root: nothing there.
        std::os::unix::fs::symlink(host.join("passwd"), root.join("etc/group")).unwrap();
        assert_eq!(read("/etc/group"), ImageFile::Missing);
        std::fs::write(root.join("big"), vec![b'x'; MAX_ACCOUNT_FILE as usize + 1]).unwrap();
        assert_eq!(read("/big"), ImageFile::Other);
    }

    #[test]
    fn generated_files_are_written_and_listed() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("root");
        std::fs::create_dir_all(root.join("etc")).unwrap();
        std::fs::write(root.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
        std::fs::write(root.join("etc/group"), "devs:x:1001:\n").unwrap();
        let files = KeepIdFiles {
            user: user(),
            dir: d.path().to_path_buf(),
        };
        let listed = etc_files(&Root::open(&root).unwrap(), &files).unwrap();
        assert_eq!(
            listed,
            [("/etc/passwd".to_string(), d.path().join("passwd"))]
        );
        let text = std::fs::read_to_string(d.path().join("passwd")).unwrap();
        assert!(text.contains("\ndev:*:1000:1001:dev:/home/dev:/bin/sh\n"));
    }
}
