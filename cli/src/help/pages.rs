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

Containers that are already running are left alone.",
        examples: &[
            ("Start a container by name", "coracle start job"),
            ("Start two containers by id prefix", "coracle start 3f2a 9c1d"),
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
];
