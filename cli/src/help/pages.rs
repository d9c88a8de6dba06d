//! The text of every command's long help and man page (see the parent module).

use super::Page;

/// Every command's page. Commands that exist under two names (`run` and
/// `container run`) share one.
pub const PAGES: &[Page] = &[
    Page {
        paths: &[""],
        description: "coracle runs and manages OCI containers and images without a daemon and without root. Each command is a short-lived process: images live in a store under your data directory, each detached container is watched by a small monitor process of its own, and nothing keeps running when no container does.

The commands and flags follow Podman's, so scripts written for podman (or docker) mostly work unchanged. The options below apply to every command; see coracle-COMMAND(1) or `coracle help COMMAND` for each command.",
        examples: &[
            ("Run a command in a throw-away container", "coracle run --rm busybox echo hello"),
            ("Use a store of its own and show what coracle does", "coracle --root /tmp/store --log-level debug images"),
            ("Keep a script quiet", "coracle --noout pull busybox"),
        ],
    },
    Page {
        paths: &["run", "container run"],
        description: "Run a command in a new container made from an image, pulling the image first when it is not stored. The container gets its own root filesystem (an overlay over the image's layers), its own namespaces and, unless --network says otherwise, a network namespace with only loopback.

In the foreground, coracle relays the container's input and output and exits with the command's exit code (125 when coracle itself fails, 126 when the command cannot be run, 127 when it is not found). With -d the container runs in the background under a monitor and coracle prints its id.",
        examples: &[
            ("Run a shell command and remove the container afterwards", "coracle run --rm busybox sh -c 'echo hello from $(hostname)'"),
            ("Start a named web server in the background, with a memory limit", "coracle run -d --name web -m 256m busybox httpd -f -p 8080"),
            ("Get an interactive shell with the current directory mounted", "coracle run -it --rm -v .:/src -w /src busybox sh"),
        ],
    },
    Page {
        paths: &["create", "container create"],
        description: "Create a container from an image without starting it: its writable layer and saved configuration are prepared and its id is printed. `coracle start` runs it later, as often as needed.

create takes the same options as run; a created container is listed by `coracle ps -a` with the status created.",
        examples: &[
            ("Prepare a container and start it later", "coracle create --name job busybox sh -c 'date; sleep 5'"),
            ("Create with environment variables and a label", "coracle create -e MODE=test -l team=qa busybox env"),
        ],
    },
    Page {
        paths: &["start", "container start"],
        description: "Start created or stopped containers in the background, each under a new monitor that keeps its log and records its exit. The container runs the command it was created with, in the same writable layer as before.

Containers that are already running are left alone. With -a (one container) start waits for it: a container created with -t gets the caller's terminal, as `attach` does, and ctrl-p,ctrl-q (or --detach-keys) detaches and leaves it running; any other prints what it writes to stdout and stderr until it ends. Either way start -a exits with the container's exit code.",
        examples: &[
            ("Start a container by name", "coracle start job"),
            ("Start two containers by id prefix", "coracle start 3f2a 9c1d"),
            ("Start a -it container and attach to its terminal", "coracle start -a shell"),
        ],
    },
    Page {
        paths: &["attach", "container attach"],
        description: "Attach the caller's terminal to the terminal of a running container that was started in the background with -t (`run -dit`, `start`): its monitor passes the container's output on from now and, for a container created with -i, the caller's input in.

The detach keys (ctrl-p then ctrl-q unless --detach-keys says otherwise; --detach-keys \"\" for none) end the attachment and leave the container running, exit 0. When the container ends, attach exits with its exit code. A container without a terminal shows its output from now on, each stream on the caller's stream of the same name (read from its log, so not with --log-driver none), until it ends; the caller's input does not reach it.",
        examples: &[
            ("Attach to a shell started with run -dit", "coracle attach shell"),
            (
                "Attach, detaching with ctrl-x instead",
                "coracle attach --detach-keys ctrl-x shell",
            ),
        ],
    },
    Page {
        paths: &["ps", "container ls"],
        description: "List containers: by default the running ones, with -a all of them. Each line shows the id, image, command, creation time, status, published ports and name.

--filter selects containers (by name, id, status, label, ancestor image, exit code), --format prints chosen fields through a Go template or as JSON, and -q prints only ids for use in scripts.",
        examples: &[
            ("List every container, running or not", "coracle ps -a"),
            ("Print names and statuses of exited containers", "coracle ps -a --filter status=exited --format '{{.Names}} {{.Status}}'"),
            ("Remove every stopped container by id", "coracle rm $(coracle ps -aq --filter status=exited)"),
        ],
    },
    Page {
        paths: &["logs", "container logs"],
        description: "Print what a container wrote to its standard output and error, as its monitor recorded it. This works for running and for ended containers (until they are removed).

-f keeps printing new output until the container ends; --since, --until and --tail select part of the log; -t shows when each line was written.",
        examples: &[
            ("Follow a container's output", "coracle logs -f web"),
            ("Show the last 20 lines of the past ten minutes, with timestamps", "coracle logs --since 10m --tail 20 -t web"),
        ],
    },
    Page {
        paths: &["stop", "container stop"],
        description: "Stop running containers: send each its stop signal (the image's StopSignal or --stop-signal, else SIGTERM), wait up to the timeout, then send SIGKILL. The container's exit is recorded and it can be started again.

A process that ignores SIGTERM makes stop wait the whole timeout; -t shortens it.",
        examples: &[
            ("Stop a container, giving it 10 seconds", "coracle stop web"),
            ("Stop every running container at once", "coracle stop -a -t 0"),
        ],
    },
    Page {
        paths: &["kill", "container kill"],
        description: "Send a signal to the main process of running containers, SIGKILL unless -s names another. The signal may be given by name (TERM, SIGHUP) or number.

kill does not wait for the container to end; `coracle wait` does.",
        examples: &[
            ("Ask a server to reload its configuration", "coracle kill -s HUP web"),
            ("Kill every running container", "coracle kill -a"),
        ],
    },
    Page {
        paths: &["rm", "container rm"],
        description: "Remove containers: their writable layer, logs and records. A running container is refused unless -f stops it first.

--depend also removes the containers that share a namespace of the ones named; -i ignores names that do not exist.",
        examples: &[
            ("Remove an ended container", "coracle rm job"),
            ("Stop and remove a running container", "coracle rm -f web"),
            ("Remove every container", "coracle rm -af"),
        ],
    },
    Page {
        paths: &["wait", "container wait"],
        description: "Block until containers reach a state (by default, until they stop) and print each one's exit code.

With several --condition values, any one ends the wait.",
        examples: &[
            ("Wait for a background job and print its exit code", "coracle wait job"),
            ("Wait until a created container is running", "coracle wait --condition running web"),
        ],
    },
    Page {
        paths: &["restart", "container restart"],
        description: "Stop containers (as `coracle stop` does) and start them again. Ended containers are simply started.

--running with -a restarts only the containers that run now.",
        examples: &[
            ("Restart a container without waiting for a clean stop", "coracle restart -t 0 web"),
            ("Restart every running container", "coracle restart -a --running"),
        ],
    },
    Page {
        paths: &["rename", "container rename"],
        description: "Give a container a new name. The name must be unused; the id stays the same, and so does everything else about the container.

Names may contain letters, digits, '_', '.' and '-', starting with a letter or digit.",
        examples: &[
            ("Rename a container", "coracle rename web web-old"),
            ("Rename by id prefix", "coracle rename 3f2a frontend"),
        ],
    },
    Page {
        paths: &["port", "container port"],
        description: "List the port mappings of a container (what `run -p` published): each private port with the host address and port it is reachable on.

Giving a port shows only its mapping.",
        examples: &[
            ("Show every published port of a container", "coracle port web"),
            ("Show where port 8080/tcp is published", "coracle port web 8080/tcp"),
        ],
    },
    Page {
        paths: &["system"],
        description: "Commands about the whole of coracle's store and host: its information, its events, and the removal of what is no longer used.

See coracle-system-info(1), coracle-system-events(1) and coracle-system-prune(1).",
        examples: &[
            ("Show what coracle knows about the host and the store", "coracle system info"),
            ("Free the space of stopped containers and unused images", "coracle system prune -a -f"),
        ],
    },
    Page {
        paths: &["system prune"],
        description: "Remove every stopped container and every dangling image (one without a name) in one go, then the blobs and layers nothing uses any more. With -a, images no container uses go too.

Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Clean up without a question", "coracle system prune -f"),
            ("Remove every unused image as well", "coracle system prune -a -f"),
        ],
    },
    Page {
        paths: &["info", "system info"],
        description: "Show information about the host (architecture, kernel, cgroups, whether coracle runs rootless), the store (where it is, the overlay driver, how many images and containers), the configured registries and coracle's version.

The output is YAML-like text by default; --format json prints Podman's JSON keys (host, store, registries, version), and a Go template picks single values, with Podman's field names ({{.Host.Arch}}, {{.Store.GraphDriverName}}) or the JSON keys ({{.host.arch}}).",
        examples: &[
            ("Show everything", "coracle info"),
            ("Print the storage driver", "coracle info --format '{{.Store.GraphDriverName}}'"),
            ("Print the store's location from the JSON output", "coracle system info --format json"),
        ],
    },
    Page {
        paths: &["events", "system events"],
        description: "Show what happened to containers and images: containers created, started, died, removed, exec'd into, paused; images pulled, pushed, tagged, untagged, removed. Every coracle process appends these events to a log in the runtime directory (--events-backend none turns this off).

By default events keeps running and prints new events as they happen; --stream=false prints the recorded ones and exits. --since and --until take a duration (10m) or a time (RFC 3339, Unix seconds); --filter selects by type, container, image or event.",
        examples: &[
            ("Follow every event as it happens", "coracle events"),
            ("List what happened to containers in the last minute", "coracle events --since 1m --stream=false --format '{{.Status}} {{.Name}}'"),
            ("Show the pulls of an image as JSON", "coracle events --stream=false --filter type=image --filter event=pull --format json"),
        ],
    },
    Page {
        paths: &["cp", "container cp"],
        description: "Copy files or directories between a container and the host, in either direction, or stream them as a tar archive with -. Paths inside the container are resolved within its root filesystem, whatever its symbolic links say.

Files copied into the container belong to the container's user unless --archive=false keeps their owners.",
        examples: &[
            ("Copy a configuration file into a container", "coracle cp ./nginx.conf web:/etc/nginx/nginx.conf"),
            ("Copy a container's log directory to the host", "coracle cp web:/var/log ./web-logs"),
        ],
    },
    Page {
        paths: &["inspect"],
        description: "Show the full details of containers and images (later also volumes, networks and pods) as a JSON array. --type says what kind the names are; by default the first kind that has the name is shown.

--format applies a Go template to each object instead, for scripts: {{.State.Status}} of a container, {{.Id}} of an image.",
        examples: &[
            ("Print a container's main process id", "coracle inspect --format '{{.State.Pid}}' web"),
            ("Inspect an image, not a container of the same name", "coracle inspect --type image busybox"),
        ],
    },
    Page {
        paths: &["container inspect"],
        description: "Show the full details of containers as a JSON array: state, configuration, mounts, namespaces and health, in Podman's field names.

--format applies a Go template to each container instead.",
        examples: &[
            ("Print a container's status", "coracle container inspect --format '{{.State.Status}}' web"),
            ("Print a container's environment as JSON", "coracle container inspect --format '{{json .Config.Env}}' web"),
        ],
    },
    Page {
        paths: &["exec", "container exec"],
        description: "Run another command inside a running container: it joins the container's namespaces and cgroup, with the container's environment, user and working directory unless options change them.

coracle exits with the command's exit code; -d leaves it running in the background.",
        examples: &[
            ("Open a shell in a running container", "coracle exec -it web sh"),
            ("Run a command as another user with an extra variable", "coracle exec -u nobody -e DEBUG=1 web env"),
        ],
    },
    Page {
        paths: &["top", "container top"],
        description: "Show the processes running in a container, like ps(1) inside it. Descriptors such as pid, user, args or etime choose the columns.

The default columns are user, pid, ppid, %cpu, elapsed time, tty, time and command.",
        examples: &[
            ("Show a container's processes", "coracle top web"),
            ("Show only pids and commands", "coracle top web pid args"),
        ],
    },
    Page {
        paths: &["stats", "container stats"],
        description: "Show the resource use of running containers, read from their cgroups: CPU, memory against its limit, network and block I/O, and the number of processes.

The figures refresh every few seconds until interrupted; --no-stream prints them once.",
        examples: &[
            ("Print the usage of every running container once", "coracle stats --no-stream"),
            ("Print only memory use, as a template", "coracle stats --no-stream --format '{{.Name}} {{.MemUsage}}' web"),
        ],
    },
    Page {
        paths: &["pause", "container pause"],
        description: "Freeze every process of running containers through their cgroup's freezer. The processes keep their memory and state but get no CPU time until `coracle unpause`.

Pausing needs a cgroup of the container's own.",
        examples: &[
            ("Pause a container", "coracle pause web"),
            ("Pause every running container", "coracle pause -a"),
        ],
    },
    Page {
        paths: &["unpause", "container unpause"],
        description: "Thaw paused containers: their processes run on where they stopped.

-a thaws every paused container.",
        examples: &[
            ("Resume a paused container", "coracle unpause web"),
            ("Resume every paused container", "coracle unpause -a"),
        ],
    },
    Page {
        paths: &["healthcheck"],
        description: "Commands about containers' health checks, the commands given with run --health-cmd that tell whether a container works.

See coracle-healthcheck-run(1).",
        examples: &[
            ("Check a container's health now", "coracle healthcheck run web"),
            ("Read the recorded health status", "coracle inspect --format '{{.State.Health.Status}}' web"),
        ],
    },
    Page {
        paths: &["healthcheck run"],
        description: "Run a container's health check once, now, and record the result in its health log. coracle exits 0 when the check passed and 1 when it failed; after --health-retries failures in a row the container is unhealthy.

The container must be running and have a health check.",
        examples: &[
            ("Run the health check of a web server", "coracle healthcheck run web"),
            ("Start a container with a check and run it", "coracle run -d --name web --health-cmd 'wget -q -O /dev/null http://localhost:8080/' busybox httpd -f -p 8080"),
        ],
    },
    Page {
        paths: &["container"],
        description: "Commands that manage containers. Most are also available at the top level (coracle container run is coracle run).

See each command's own page.",
        examples: &[
            ("List all containers", "coracle container ls -a"),
            ("Remove every stopped container", "coracle container prune -f"),
        ],
    },
    Page {
        paths: &["container prune"],
        description: "Remove every container that is not running (created or exited), with its writable layer and logs. --filter limits it to containers with a label or older than a time.

Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Remove stopped containers without a question", "coracle container prune -f"),
            ("Remove only stopped containers older than a day", "coracle container prune -f --filter until=24h"),
        ],
    },
    Page {
        paths: &["container exists"],
        description: "Check whether a container of that name or id exists: exit 0 if so, 1 if not, and print nothing. Meant for scripts.

Other failures exit 125.",
        examples: &[
            ("Create a container only if it is missing", "coracle container exists web || coracle create --name web busybox httpd -f"),
            ("Check by id prefix", "coracle container exists 3f2a && echo present"),
        ],
    },
    Page {
        paths: &["container cleanup"],
        description: "Record the end of ended containers: their exit code, the removal of --rm containers, the restart policy. A container's monitor runs this when the container ends; running it by hand settles containers whose monitor died.

Running containers are left alone.",
        examples: &[
            ("Settle a container whose monitor was killed", "coracle container cleanup web"),
            ("Settle several containers", "coracle container cleanup job1 job2"),
        ],
    },
    Page {
        paths: &["pull", "image pull"],
        description: "Download an image from a registry into the local store, verifying every blob against its digest. A short name (busybox) is resolved through registries.conf's unqualified-search-registries; a manifest list selects the host's platform unless --platform says otherwise.

Progress goes to stderr and the image id to stdout. Layers are unpacked while they download.",
        examples: &[
            ("Pull an image by name and tag", "coracle pull docker.io/library/alpine:3.20"),
            ("Pull the arm64 variant quietly from a local registry", "coracle pull -q --platform linux/arm64 --tls-verify=false localhost:5000/busybox"),
        ],
    },
    Page {
        paths: &["push", "image push"],
        description: "Upload a stored image to a registry, under its own name or under the destination given. Blobs the registry already has are not sent again.

Credentials come from `coracle login`, --creds or --authfile.",
        examples: &[
            ("Push an image to a private registry under a new name", "coracle push busybox registry.example.com/tools/busybox:1"),
            ("Push to a local test registry and save the manifest digest", "coracle push --tls-verify=false --digestfile digest.txt localhost:5000/app:latest"),
        ],
    },
    Page {
        paths: &["images", "image images"],
        description: "List the images in the local store: repository, tag, image id, creation time and size. An image with several names is listed once per name; one without a name shows <none>.

--format prints chosen fields through a Go template or as JSON, -q only ids.",
        examples: &[
            ("List every image", "coracle images"),
            ("Print names with their digests", "coracle images --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}}'"),
        ],
    },
    Page {
        paths: &["image"],
        description: "Commands that manage images in the local store. Most are also available at the top level (coracle image pull is coracle pull, coracle image rm is coracle rmi).

See each command's own page.",
        examples: &[
            ("List images", "coracle image ls"),
            ("Remove unused images", "coracle image prune -a -f"),
        ],
    },
    Page {
        paths: &["image inspect"],
        description: "Show the full details of images as a JSON array: id, digests, names, configuration (entrypoint, command, environment, labels), layers and history.

--format applies a Go template to each image instead.",
        examples: &[
            ("Print an image's default command", "coracle image inspect --format '{{.Config.Cmd}}' busybox"),
            ("Print an image's layer digests", "coracle image inspect --format '{{json .RootFS.Layers}}' busybox"),
        ],
    },
    Page {
        paths: &["image exists"],
        description: "Check whether an image is in the local store: exit 0 if so, 1 if not, and print nothing. Meant for scripts.

Other failures exit 125.",
        examples: &[
            ("Pull an image only when it is missing", "coracle image exists busybox || coracle pull busybox"),
            ("Check a fully qualified name", "coracle image exists docker.io/library/alpine:3.20 && echo present"),
        ],
    },
    Page {
        paths: &["rmi", "image rm"],
        description: "Remove images from the local store, with the layers and blobs no other image uses. An image that containers use is refused.

An image with several names is refused too unless -f; removing by one of its names only removes that name.",
        examples: &[
            ("Remove an image by name", "coracle rmi busybox"),
            ("Remove every image", "coracle rmi -a -f"),
        ],
    },
    Page {
        paths: &["tag", "image tag"],
        description: "Give a stored image more names. A short name gets the localhost/ registry and a missing tag becomes latest, so `coracle tag busybox mybox` names it localhost/mybox:latest.

A name moves off any image that had it.",
        examples: &[
            ("Name an image for a push to another registry", "coracle tag busybox registry.example.com/tools/busybox:1"),
            ("Give an image a local name", "coracle tag busybox mybox:stable"),
        ],
    },
    Page {
        paths: &["untag", "image untag"],
        description: "Remove names from a stored image without removing the image. Without names, every name goes and the image becomes dangling (<none>), which `coracle image prune` removes.

Names may be given in full or as a short name, as `coracle tag` takes them.",
        examples: &[
            ("Remove one name of an image", "coracle untag busybox localhost/mybox:stable"),
            ("Remove every name of an image", "coracle untag busybox"),
        ],
    },
    Page {
        paths: &["image prune"],
        description: "Remove dangling images (without a name), with the layers and blobs only they used. With -a, every image no container uses goes.

Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Remove dangling images", "coracle image prune -f"),
            ("Remove every unused image", "coracle image prune -a -f"),
        ],
    },
    Page {
        paths: &["login"],
        description: "Store credentials for a registry, after checking them against it, in the auth file ($XDG_RUNTIME_DIR/containers/auth.json unless --authfile). pull, push and run use them.

--password-stdin keeps the password out of the shell history and the process list.",
        examples: &[
            ("Log in, typing the password", "coracle login -u alice registry.example.com"),
            ("Log in from a script", "printf '%s' \"$TOKEN\" | coracle login -u bot --password-stdin registry.example.com"),
        ],
    },
    Page {
        paths: &["logout"],
        description: "Remove stored credentials for a registry from the auth file, or for every registry with -a.

Credentials in ~/.docker/config.json are not touched.",
        examples: &[
            ("Forget the credentials of one registry", "coracle logout registry.example.com"),
            ("Forget every stored credential", "coracle logout -a"),
        ],
    },
    Page {
        paths: &["version"],
        description: "Show coracle's version and the platform it was built for. --format json prints them as JSON under Client, and a Go template picks a value ({{.Client.Version}}), as with Podman.

Scripts can compare the version before using newer flags.",
        examples: &[
            ("Show the version", "coracle version"),
            ("Print only the version number", "coracle version --format '{{.Client.Version}}'"),
        ],
    },
    Page {
        paths: &["system reset"],
        description: "Remove everything in coracle's store: every container (running ones are killed first, without waiting), every image with its layers and blobs, every volume with its data, and all the records; then the store directory itself. Files that belong to subordinate ids (unpacked layers, what containers wrote, volume data) are removed inside the user namespace, so nothing is left behind that the user cannot delete.

A reset cannot be undone. Without -f, coracle asks on the terminal, and refuses when standard input is not a terminal. Only the store in use (see --root) is reset; registries.conf, the auth file and other stores are left alone.",
        examples: &[
            ("Reset the store, answering the question", "coracle system reset"),
            ("Reset from a script", "coracle system reset -f"),
            ("Throw away a scratch store", "coracle --root /tmp/store system reset -f"),
        ],
    },
    Page {
        paths: &["system check"],
        description: "Check the store for damage: every blob is hashed and compared with its digest (a missing blob is damage too), and every unpacked layer directory is compared with the file list recorded when it was unpacked. Each damaged blob and layer is printed on a line of its own; coracle exits 0 when nothing is damaged (or --repair removed all of it) and 125 otherwise.

--repair removes the damage so that a later pull or run restores it: the images that use a damaged blob, the damaged blobs, and the damaged layer directories. Images that containers use are left alone unless --force, which removes those containers (running ones are killed) with the images; layers under running containers are always left alone. --quick skips hashing the blobs, the slow part, and only looks for missing ones.",
        examples: &[
            ("Check the whole store", "coracle system check"),
            ("Quickly check and remove what is damaged", "coracle system check --quick --repair"),
            ("Repair, removing the containers of damaged images too", "coracle system check --repair --force"),
        ],
    },
    Page {
        paths: &["system df"],
        description: "Show the disk space images, containers and local volumes take, how many of each there are and are in use (ACTIVE), and how much space removing the unused ones would free (RECLAIMABLE). A blob that several images share is counted once; a container's size is what it wrote into its own writable layer, not its image.

-v lists every image (with the size it shares with other images and the size only it has), every container and every volume instead. --format json prints the summary rows as JSON, and a Go template picks fields: {{.Type}}, {{.Total}}, {{.Active}}, {{.Size}}, {{.Reclaimable}}. -v and --format do not go together.",
        examples: &[
            ("Show the summary", "coracle system df"),
            ("Show the space of each image, container and volume", "coracle system df -v"),
            ("Print what pruning would free, per type", "coracle system df --format '{{.Type}} {{.Reclaimable}}'"),
        ],
    },
    Page {
        paths: &["save", "image save"],
        description: "Write images from the local store to an archive that `coracle load`, `podman load` or `docker load` can read. The default format, docker-archive, is a tar holding an OCI layout with a manifest.json naming each image, as docker save writes it; oci-archive is a tar of an OCI image layout. oci-dir and docker-dir write an OCI layout or a dir: directory (as skopeo reads them) into the directory -o names. The blobs are written as stored, so the image keeps its digest.

Without -o the archive goes to standard output, which must not be a terminal; a file given with -o is replaced, and removed again if the save fails. Several names of one image may be given, and each is written into the archive; to put different images into one archive pass -m (docker-archive only).",
        examples: &[
            ("Save an image to a file", "coracle save -o busybox.tar busybox"),
            ("Save two images into one archive", "coracle save -m -o tools.tar busybox alpine"),
            ("Write an OCI archive, compressed, through a pipe", "coracle save --format oci-archive busybox | gzip > busybox-oci.tar.gz"),
        ],
    },
    Page {
        paths: &["load", "image load"],
        description: "Read images from an archive and store them: a docker-archive (what `coracle save`, `podman save` and `docker save` write) or a tar of an OCI image layout, plain or compressed with gzip or zstd (told from its first bytes). Every blob is checked against its digest and every layer is unpacked before any image is recorded; when anything fails, the blobs and layers the load added are removed again and the store is as it was.

The archive is read from -i FILE, or from standard input when that is not a terminal. Each image is reported as `Loaded image: NAME`, or by its id when the archive gives it no name; a name that another stored image had moves to the loaded one.",
        examples: &[
            ("Load the images of an archive file", "coracle load -i busybox.tar"),
            ("Load a compressed archive from standard input", "coracle load < busybox-oci.tar.gz"),
            ("Copy an image to another store", "coracle save busybox | coracle --root /tmp/store load"),
        ],
    },
    Page {
        paths: &["image history", "history"],
        description: "Show how an image was built: one row per step of its history, newest first, with when the step was made, the command that made it, the size of the layer it added (0 B for steps that only changed the configuration) and its comment. Only the newest row shows the image's id; the older steps are not images of their own and show <missing>, as in Podman.

CREATED BY is cut to 45 characters and ids to 12 digits unless --no-trunc; -q prints only the ids. --format json prints Podman's JSON (id, created, CreatedBy, size, comment, tags), and a Go template picks fields: {{.ID}}, {{.Created}}, {{.CreatedAt}}, {{.CreatedBy}}, {{.Size}}, {{.Comment}}.",
        examples: &[
            ("Show an image's history", "coracle history busybox"),
            ("Print the full command and layer size of each step", "coracle image history --no-trunc --format '{{.Size}} {{.CreatedBy}}' busybox"),
        ],
    },
    Page {
        paths: &["image tree"],
        description: "Show an image's layers from the bottom up, each with its short id (the layer's chain id) and size, after a header with the image's id, names and size. Where a layer is the top layer of a stored image, that image's names follow it (Top Layer of), so images built on one another, such as an image and one committed from a container of it, show which layers they share.",
        examples: &[
            ("Show the layers of an image", "coracle image tree busybox"),
            ("See which layers a committed image shares with its base", "coracle image tree localhost/web-snapshot"),
        ],
    },
    Page {
        paths: &["export"],
        description: "Write a container's whole filesystem, its image's layers with the container's changes on top, as one tar archive to -o FILE or to standard output (which must not be a terminal). The archive is flat: no layers and no image configuration; `coracle import` makes an image of it again. A file given with -o is removed again if the export fails.

Files keep the owners they have inside the container. Volumes and bind mounts are not part of the container's filesystem and are not exported. The container may be running or not; reading its layers needs a store on the kernel's overlay driver.",
        examples: &[
            ("Export a container's filesystem to a file", "coracle export -o web-root.tar web"),
            ("List the files of a container", "coracle export web | tar -tvf -"),
            ("Flatten a container into a new image of one layer", "coracle export web | coracle import - web-flat"),
        ],
    },
    Page {
        paths: &["import"],
        description: "Make a new image of one layer from a tar archive of a filesystem, such as `coracle export` writes: a file, - for standard input, or an http:// or https:// URL to download. The tar may be plain or compressed with gzip or zstd. The image has no command, environment or other configuration except what --change sets: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME or WORKDIR, written INSTRUCTION=VALUE or 'INSTRUCTION VALUE' as in a Dockerfile. --message is recorded in the image's history.

The new image's id is printed. With a name the image gets it (a short name becomes localhost/NAME:latest, as with `coracle tag`); without one it stays dangling (<none>) until tagged.",
        examples: &[
            ("Make an image of a root filesystem tarball", "coracle import rootfs.tar.gz localhost/mybase:1"),
            ("Import with a default command and working directory", "coracle import -c 'CMD [\"/bin/sh\"]' -c WORKDIR=/srv -m 'from the build server' rootfs.tar mybase"),
            ("Import from standard input", "coracle export web | coracle import - web-flat"),
        ],
    },
    Page {
        paths: &["commit"],
        description: "Make a new image of a container: its image's layers plus one more layer holding everything the container added, changed or deleted (deletions as whiteouts; the mount points of /etc/hosts, /etc/resolv.conf and /etc/hostname left out). The new image's configuration is the image's, with the container's own settings written in (its command, entrypoint, environment, working directory, user and labels), and then the --change instructions, as `coracle import` takes them. --message and --author are recorded in the image.

The new image's id is printed; with a name the image gets it (a short name becomes localhost/NAME:latest). A running container is read while it works; -p freezes it for the time its layer is read, for a consistent copy. Volumes and bind mounts are not part of the layer. Reading the layer needs a store on the kernel's overlay driver.",
        examples: &[
            ("Save a container's state as a new image", "coracle commit web web-snapshot"),
            ("Commit a running container, frozen meanwhile, with a new command", "coracle commit -p -c 'CMD [\"httpd\", \"-f\", \"-p\", \"8080\"]' -a 'Ann Admin' -m 'configured' web localhost/web:2"),
        ],
    },
    Page {
        paths: &["diff"],
        description: "List the paths a container added (A), changed (C) or deleted (D) compared with its image, one per line, sorted by path. A directory whose entries changed counts as changed. What coracle itself puts into every container (/dev, /proc, /sys, /run and its files, /etc/hosts, /etc/hostname, /etc/resolv.conf, /etc/mtab) is left out, as Podman does.

--format json prints one object with the lists changed, added and deleted (empty ones left out). The container may be running or not; reading its layers needs a store on the kernel's overlay driver.",
        examples: &[
            ("Show what a container changed", "coracle diff web"),
            ("Print the changes as JSON", "coracle diff --format json web"),
        ],
    },
    Page {
        paths: &["volume"],
        description: "Commands that manage volumes: directories in the store that containers mount (run -v NAME:/path) and that outlive them. A volume named in run -v is created when it does not exist; -v /path and the image's VOLUME paths get anonymous volumes, which rm -v and run --rm remove with their container. The first time an empty volume is mounted, the files the image has at that path are copied into it.

See coracle-volume-create(1), coracle-volume-ls(1), coracle-volume-inspect(1), coracle-volume-exists(1), coracle-volume-rm(1) and coracle-volume-prune(1).",
        examples: &[
            ("List volumes", "coracle volume ls"),
            ("Keep a container's data in a named volume", "coracle run -d --name db -v dbdata:/var/lib/data busybox sleep 1000"),
        ],
    },
    Page {
        paths: &["volume create"],
        description: "Create a volume and print its name. Without a name it gets 64 random hex digits. A name that is taken is an error unless --ignore, which prints the name and leaves the existing volume as it is (the new options are not applied).

Only the local driver exists. -o o=uid=N,gid=N gives the volume's directory that owner (as the container sees it) the first time it is mounted; -o o=nocopy keeps that first mount from copying the image's files into the volume. -l adds labels, which ls and prune can filter by.",
        examples: &[
            ("Create a named volume", "coracle volume create data"),
            ("Create a labelled volume owned by user 1000 in its containers", "coracle volume create -l team=qa -o o=uid=1000,gid=1000 cache"),
            ("Create it only if it is missing", "coracle volume create --ignore data"),
        ],
    },
    Page {
        paths: &["volume ls"],
        description: "List volumes: driver and name, one line each. -q prints only names; --format json prints each volume with the fields of `coracle volume inspect`, and a Go template picks fields ({{.Name}}, {{.Driver}}, {{.Mountpoint}}, {{.Labels}}, {{.CreatedAt}}); -n leaves out the header of the table.

--filter selects volumes: name= (names containing the text), label=KEY or label=KEY=VALUE, driver=, and dangling=true (no container uses it) or dangling=false. When several filters are given, a volume must match all of them.",
        examples: &[
            ("List every volume", "coracle volume ls"),
            ("Print the names of volumes no container uses", "coracle volume ls -q --filter dangling=true"),
            ("Print where each volume's data lives", "coracle volume ls --format '{{.Name}} {{.Mountpoint}}'"),
        ],
    },
    Page {
        paths: &["volume inspect"],
        description: "Show the details of volumes as a JSON array, with Podman's field names: Name, Driver, Mountpoint (the data directory on the host), CreatedAt, Labels, Options, UID, GID, Anonymous, NeedsCopyUp, NeedsChown and InUse. A volume may be named by a unique start of its name; -a shows every volume.

--format applies a Go template to each volume instead.",
        examples: &[
            ("Inspect a volume", "coracle volume inspect data"),
            ("Print a volume's data directory", "coracle volume inspect --format '{{.Mountpoint}}' data"),
            ("Inspect every volume", "coracle volume inspect -a"),
        ],
    },
    Page {
        paths: &["volume exists"],
        description: "Check whether a volume of exactly that name exists: exit 0 if so, 1 if not, and print nothing. Meant for scripts.

Other failures exit 125.",
        examples: &[
            ("Create a volume only if it is missing", "coracle volume exists data || coracle volume create data"),
            ("Check before using a volume", "coracle volume exists cache && echo present"),
        ],
    },
    Page {
        paths: &["volume rm"],
        description: "Remove volumes with their data and print each removed name. A volume may be named by a unique start of its name; -a removes every volume.

A volume that a container uses, running or not, is refused with the names of those containers, and coracle exits 2 after the other volumes; -f removes those containers first, stopping running ones (-t sets how many seconds they get before SIGKILL). A volume that does not exist is reported and makes the exit status 1; the others are still removed.",
        examples: &[
            ("Remove a volume", "coracle volume rm data"),
            ("Remove a volume and the containers using it, killing them at once", "coracle volume rm -f -t 0 data"),
            ("Remove every volume (those in use are refused)", "coracle volume rm -a"),
        ],
    },
    Page {
        paths: &["volume prune"],
        description: "Remove every volume that no container uses (whatever the container's state), with its data, and print each removed name. --filter limits it to volumes with a label (label=KEY or label=KEY=VALUE) or whose names contain a text (name=).

Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Remove unused volumes without a question", "coracle volume prune -f"),
            ("Remove only the unused volumes of one team", "coracle volume prune -f --filter label=team=qa"),
        ],
    },
Page {
        paths: &["network"],
        description: "Manage user-defined networks. A network is a Linux bridge with a subnet of its own inside coracle's rootless network namespace; containers on the same network reach each other by address and, when the network has DNS (the default for user networks), by container name and --network-alias through coracle's own resolver.

The network podman always exists and is the default of run and create. Networks are kept as one JSON file each in the store, in the shape `podman network inspect` prints.",
        examples: &[
            ("Create a network and run two containers that find each other by name", "coracle network create app && coracle run -d --network app --name db busybox sleep 1000 && coracle run --rm --network app busybox ping -c1 db"),
            ("List networks", "coracle network ls"),
        ],
    },
    Page {
        paths: &["network create"],
        description: "Create a network and print its name. Without --subnet, the first free /24 of 10.89.0.0/16 that overlaps no other network is taken, its first address being the gateway; the bridge gets the first free name podman1, podman2, and so on. A name that is taken, an overlapping subnet or a gateway outside the subnet is refused with exit 125 and nothing is created; --ignore turns an existing name into success.

--internal gives the network no route out: its containers reach only each other. --disable-dns turns off name resolution on it.",
        examples: &[
            ("Create a network with a free subnet", "coracle network create app"),
            ("Create an internal network on a chosen subnet", "coracle network create --internal --subnet 10.89.42.0/24 backend"),
            ("Create a labelled network, or do nothing if it exists", "coracle network create --ignore --label team=qa qa-net"),
        ],
    },
    Page {
        paths: &["network ls"],
        description: "List networks: id, name and driver, the default network podman first. --filter selects by name=, id=, driver=, label= or dangling=true (networks no container uses); -q prints only names; --format prints chosen fields through a Go template, or json for Podman's JSON.",
        examples: &[
            ("Print only the names", "coracle network ls -q"),
            ("Print each network's name and subnet", "coracle network ls --format '{{.Name}} {{(index .Subnets 0).Subnet}}'"),
        ],
    },
    Page {
        paths: &["network inspect"],
        description: "Print networks' definitions as a JSON array in Podman's shape: name, id, driver, network_interface (the bridge), created, subnets with their gateway, ipv6_enabled, internal, dns_enabled, labels and options. A network may be named by its name or a unique start of its id.",
        examples: &[
            ("Show the default network", "coracle network inspect podman"),
            ("Print a network's gateway", "coracle network inspect --format '{{(index .Subnets 0).Gateway}}' app"),
        ],
    },
    Page {
        paths: &["network exists"],
        description: "Check whether a network exists: exit 0 if so, 1 if not, and print nothing. Meant for scripts.",
        examples: &[
            ("Create a network only if it is missing", "coracle network exists app || coracle network create app"),
            ("Check the default network", "coracle network exists podman && echo present"),
        ],
    },
    Page {
        paths: &["network rm"],
        description: "Remove networks and print each removed name. A network that containers use, running or not, is refused with their names (exit 2, as Podman); -f removes those containers first. A network that does not exist makes the exit status 1. The default network podman cannot be removed.",
        examples: &[
            ("Remove a network", "coracle network rm app"),
            ("Remove a network and the containers on it", "coracle network rm -f app"),
        ],
    },
    Page {
        paths: &["network prune"],
        description: "Remove every user-defined network that no container uses and print each removed name; the default network podman stays. Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Remove unused networks without a question", "coracle network prune -f"),
            ("Remove unused networks, asking first on a terminal", "coracle network prune"),
        ],
    },
    Page {
        paths: &["network connect"],
        description: "Attach a container to one more network, optionally with --alias names that the network's resolver answers for it and a --mac-address for its interface there. The change is saved in the container's configuration, so every later start attaches it too. A running container on a bridge network gets the new interface (eth1, eth2, …), its address in /etc/hosts and, for a network with DNS, the network's resolver in /etc/resolv.conf at once; a running container without a bridge network (--network none, pasta, slirp4netns) is refused: stop it, connect it and start it again.",
        examples: &[
            ("Put the container web on the network app as www", "coracle network connect --alias www app web"),
            ("Attach a created container before starting it", "coracle network connect backend job"),
        ],
    },
    Page {
        paths: &["network disconnect"],
        description: "Detach a container from a network: the network is removed from the container's saved configuration, and a running container loses the interface, its address in /etc/hosts and the network's resolver in /etc/resolv.conf.",
        examples: &[
            ("Take the container web off the network app", "coracle network disconnect app web"),
            ("Detach a created container", "coracle network disconnect backend job"),
        ],
    },
    Page {
        paths: &["pod"],
        description: "Manage pods: groups of containers that share namespaces, as in Kubernetes and Podman. By default a pod's containers share the network, IPC and UTS namespaces, so they reach each other on localhost and have one hostname. An infra container, made with the pod, holds those namespaces: it runs coracle's own pause process in a small image that coracle builds locally (localhost/coracle-infra, nothing is pulled). Containers join with run --pod NAME or create --pod NAME; run --pod new:NAME creates the pod first.

See coracle-pod-create(1), coracle-pod-ps(1), coracle-pod-inspect(1), coracle-pod-start(1), coracle-pod-stop(1), coracle-pod-rm(1) and the other pod commands.",
        examples: &[
            ("Create a pod and run two containers that talk over localhost", "coracle pod create --name app -p 8080:80 && coracle run -d --pod app --name web busybox httpd -f -p 80 && coracle run --rm --pod app busybox wget -qO- localhost:80"),
            ("Run a container in a new pod", "coracle run -d --pod new:tools busybox sleep 1000"),
        ],
    },
    Page {
        paths: &["pod create"],
        description: "Create a pod and, unless --infra=false, its infra container, then print the pod's id. The infra container runs coracle's pause process and holds the namespaces the pod shares (--share, a comma list of net, ipc and uts; all three by default). It also holds the pod's network: the default network podman, or the one --network names, and the ports published with -p, which therefore belong to the pod rather than to its containers. Containers that join the pod get no network of their own and take no -p or --network.

The pod's hostname is its name unless --hostname is given. Without an infra container, -p, --network and --hostname are refused.",
        examples: &[
            ("Create a pod that publishes port 8080 on the host", "coracle pod create --name web -p 8080:80"),
            ("Create a labelled pod on a user network that shares only its network", "coracle pod create --name api --network app --share net -l team=qa"),
            ("Create a pod without an infra container", "coracle pod create --name batch --infra=false"),
        ],
    },
    Page {
        paths: &["pod ps"],
        description: "List pods, newest first: id, name, status, creation time, infra container id and the number of containers. A pod's status follows its containers: Created, Running, Degraded (some running), Paused or Exited.

--ctr-names, --ctr-ids and --ctr-status show the containers instead of their number; --filter selects pods by id, name, label, status, ctr-names or ctr-status; -q prints only ids; --format prints chosen fields through a Go template, or json.",
        examples: &[
            ("List pods with their containers' names and states", "coracle pod ps --ctr-names --ctr-status"),
            ("Print the names of running pods", "coracle pod ps --filter status=running --format '{{.Name}}'"),
        ],
    },
    Page {
        paths: &["pod inspect"],
        description: "Print pods' details as a JSON array in Podman's shape: Id, Name, Created, State, Hostname, Labels, CreateInfra, InfraContainerId, InfraConfig (port bindings and network mode), SharedNamespaces and the Containers with their states. --format renders each pod through a Go template instead.",
        examples: &[
            ("Show a pod's details", "coracle pod inspect web"),
            ("Print the id of a pod's infra container", "coracle pod inspect --format '{{.InfraContainerId}}' web"),
        ],
    },
    Page {
        paths: &["pod exists"],
        description: "Check whether a pod exists, by name or id: exit 0 if so, 1 if not, and print nothing. Meant for scripts.",
        examples: &[
            ("Create a pod only if it is missing", "coracle pod exists web || coracle pod create --name web"),
            ("Check a pod by id", "coracle pod exists 3f2a9c1d && echo present"),
        ],
    },
    Page {
        paths: &["pod start"],
        description: "Start pods: the infra container first, so that the others can join its namespaces, then every container of the pod that is not running. Each started pod's id is printed. -a starts every pod.",
        examples: &[
            ("Start a pod", "coracle pod start web"),
            ("Start every pod", "coracle pod start -a"),
        ],
    },
    Page {
        paths: &["pod stop"],
        description: "Stop every container of pods, the infra container last, as `coracle stop` does: each gets its stop signal, then SIGKILL after the timeout (-t). Each stopped pod's id is printed; -a stops every pod, and -i ignores pods that do not exist.",
        examples: &[
            ("Stop a pod", "coracle pod stop web"),
            ("Stop every pod at once, without waiting", "coracle pod stop -a -t 0"),
        ],
    },
    Page {
        paths: &["pod restart"],
        description: "Stop the containers of pods, the infra container last, and start them again, the infra container first. Each restarted pod's id is printed; -a restarts every pod.",
        examples: &[
            ("Restart a pod", "coracle pod restart web"),
            ("Restart every pod", "coracle pod restart -a"),
        ],
    },
    Page {
        paths: &["pod kill"],
        description: "Send a signal (SIGKILL unless -s names another, by name or number) to every running container of pods, the infra container last. Each pod's id is printed; -a signals every pod.",
        examples: &[
            ("Kill every container of a pod", "coracle pod kill web"),
            ("Ask every container of a pod to reload", "coracle pod kill -s HUP web"),
        ],
    },
    Page {
        paths: &["pod rm"],
        description: "Remove pods: their containers first, the infra container last, then the pod itself. A pod with a running container is refused and left as it was unless -f, which stops the containers first (waiting -t seconds before SIGKILL). Each removed pod's id is printed; -a removes every pod, -i ignores pods that do not exist.

A pod's infra container cannot be removed with `coracle rm` while the pod exists.",
        examples: &[
            ("Remove a stopped pod", "coracle pod rm web"),
            ("Remove every pod, stopping their containers first", "coracle pod rm -a -f -t 0"),
        ],
    },
    Page {
        paths: &["pod prune"],
        description: "Remove every pod none of whose containers is running, with its containers, and print each removed pod's id. Without -f, coracle asks first when it talks to a terminal.",
        examples: &[
            ("Remove stopped pods without a question", "coracle pod prune -f"),
            ("Remove stopped pods, asking first on a terminal", "coracle pod prune"),
        ],
    },
    Page {
        paths: &["pod pause"],
        description: "Pause every running container of pods by freezing its cgroup; the processes keep their memory but get no CPU time until `coracle pod unpause`. Each pod's id is printed; -a pauses every pod.",
        examples: &[
            ("Pause a pod", "coracle pod pause web"),
            ("Pause every pod", "coracle pod pause -a"),
        ],
    },
    Page {
        paths: &["pod unpause"],
        description: "Resume every paused container of pods (thaw its cgroup). Each pod's id is printed; -a unpauses every pod.",
        examples: &[
            ("Resume a paused pod", "coracle pod unpause web"),
            ("Resume every pod", "coracle pod unpause -a"),
        ],
    },
    Page {
        paths: &["pod top"],
        description: "Show the processes of every running container of a pod, the infra container's pause process included, in one table. The columns are ps-style descriptors (default: user, pid, ppid, pcpu, etime, tty, time and args); name others after the pod. A pod with no running container is an error.",
        examples: &[
            ("Show a pod's processes", "coracle pod top web"),
            ("Show only the pid and command of each process", "coracle pod top web pid args"),
        ],
    },
    Page {
        paths: &["pod logs"],
        description: "Print the logs of a pod's containers (the infra container has none worth showing), or of one with -c. With several containers each line starts with its container's short id, or its name with -n. -f follows the logs; --since, --until and --tail select part of them; -t shows when each line was written.",
        examples: &[
            ("Follow every container of a pod, by name", "coracle pod logs -f -n web"),
            ("Show the last 10 lines of one container of the pod", "coracle pod logs -c web-server --tail 10 web"),
        ],
    },
    Page {
        paths: &["kube"],
        description: "Move workloads between coracle and Kubernetes YAML: `coracle kube generate` writes a v1 Pod (and optionally a Service) for containers or pods, `coracle kube play` creates pods, containers and volumes from such YAML (Pod, Deployment, ConfigMap, Secret, PersistentVolumeClaim), and `coracle kube down` removes them again. Only what coracle can carry out is accepted: anything else in the YAML is refused, naming the field or kind.

See coracle-kube-generate(1), coracle-kube-play(1) and coracle-kube-down(1).",
        examples: &[
            ("Save a pod as YAML, remove it and create it again from the file", "coracle kube generate -f web.yaml web && coracle pod rm -f web && coracle kube play web.yaml"),
            ("Print the YAML of a container", "coracle kube generate db"),
        ],
    },
    Page {
        paths: &["kube generate"],
        description: "Write Kubernetes YAML for containers or pods: one v1 Pod per target (or, with --type deployment, an apps/v1 Deployment named NAME-deployment whose template is that Pod, with --replicas copies), with each container's image, command, arguments, environment, working directory, ports, volumes, resource limits (--memory, --cpus, --cpu-shares), security settings (capabilities, privileged, read-only root, a numeric --user as runAsUser and runAsGroup), the restart policy of the first container, and each container's annotations as KEY/CONTAINER in the pod's metadata. Bind mounts become hostPath volumes named after the host path (slashes as hyphens, suffixed -host; of type Directory, File or DirectoryOrCreate by what is there now), named volumes become persistentVolumeClaim volumes of the volume's name (named NAME-pvc), as Podman writes them; anonymous volumes and tmpfs mounts are left out. A pod's infra container is left out; a lone container becomes a Pod named NAME-pod. With -s, a NodePort Service for the published ports follows each Pod. The YAML goes to standard output, or to the new file -f names (an existing file is refused, as with Podman).

A pod without containers (besides its infra container) is refused.",
        examples: &[
            ("Print the YAML of a pod", "coracle kube generate web"),
            ("Write a pod and a Service for its ports to a file", "coracle kube generate -s -f web.yaml web"),
            ("Write a Deployment of three replicas of a pod", "coracle kube generate --type deployment --replicas 3 -f web-deployment.yaml web"),
        ],
    },
    Page {
        paths: &["kube play"],
        description: "Create pods, containers and volumes from Kubernetes YAML, read from a file or, with -, from standard input. The whole file is checked first: every kind and every field coracle would not honour is refused by name before anything is created. Carried out are Pod; Deployment (each of its replicas a pod named NAME-pod-N, as Podman names them); ConfigMap and Secret (type Opaque), as environment (env valueFrom, envFrom) and as volumes of files (a volume named after the object, its keys or items written as files, mounted read-only); PersistentVolumeClaim (a named volume of the claim's name, kept when it exists); volumes of hostPath (bind mounts). A Service is accepted and left to Kubernetes, its ports being the Pod's hostPorts here.

Each pod gets its name, labels, hostname and the containers' hostPorts published on it; the pod's annotations go to its containers (KEY/CONTAINER, as Podman writes a container's annotation, to that container only); each container runs detached as POD-CONTAINER with its image, command, args, env, workingDir, volumeMounts, resources (limits.memory as --memory, limits.cpu as --cpus, requests.cpu as --cpu-shares), securityContext (capabilities, privileged, readOnlyRootFilesystem, runAsUser and runAsGroup as --user) and the Pod's restartPolicy (Always when the Pod has none, as with Podman and Kubernetes). A pod that already exists is refused unless --replace; --start=false creates the containers without starting them; --down removes what the YAML describes instead (see coracle-kube-down(1)). Should creating a pod fail, the pods and volumes made by the call are removed again.",
        examples: &[
            ("Create the pod described in a file", "coracle kube play web.yaml"),
            ("Create a pod from YAML on standard input", "coracle kube play - < web.yaml"),
            ("Make the pods of a file again, replacing the running ones", "coracle kube play --replace web.yaml"),
            ("Create the containers of a Deployment without starting them", "coracle kube play --start=false deployment.yaml"),
        ],
    },
    Page {
        paths: &["kube down"],
        description: "Remove what `coracle kube play` created from the same YAML: each pod the file describes (a Pod, or a Deployment's NAME-pod-N replicas) is stopped and removed with its containers, and the volumes kube play filled from the file's ConfigMaps and Secrets are removed. The volumes of PersistentVolumeClaims hold data and stay, as with Podman, unless --force is given. Pods of the file that do not exist are skipped.",
        examples: &[
            ("Remove the pods and containers of a file, keeping its claims' volumes", "coracle kube down web.yaml"),
            ("Remove everything, the claims' volumes too", "coracle kube down --force web.yaml"),
        ],
    },
];
