# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_coracle_global_optspecs
    string join \n root= runroot= tmpdir= storage-driver= storage-opt= cgroup-manager= events-backend= log-level= noout out= url= connection= remote h/help V/version
end

function __fish_coracle_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_coracle_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_coracle_using_subcommand
    set -l cmd (__fish_coracle_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c coracle -n "__fish_coracle_needs_command" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_needs_command" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_needs_command" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_needs_command" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_needs_command" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_needs_command" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_needs_command" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_needs_command" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_needs_command" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_needs_command" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_needs_command" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_needs_command" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_needs_command" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_needs_command" -s V -l version -d 'Print version'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "create" -d 'Create a container without starting it'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "start" -d 'Start created or stopped containers (in the background)'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "ps" -d 'List containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "logs" -d 'Show a container\'s output'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "stop" -d 'Stop running containers: the stop signal, then SIGKILL after a timeout'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "kill" -d 'Send a signal to running containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "rm" -d 'Remove containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "wait" -d 'Wait for containers to end and print their exit codes'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "restart" -d 'Stop and start containers again'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "rename" -d 'Give a container a new name'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "port" -d 'List a container\'s published ports'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "system" -d 'Manage the whole store'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "cp" -d 'Copy files between a container and the host'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "inspect" -d 'Show the details of containers or images'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "top" -d 'Show the processes of a running container'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "stats" -d 'Show the resource usage of running containers (from their cgroups)'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "pause" -d 'Freeze every process of running containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "unpause" -d 'Thaw paused containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "healthcheck" -d 'Run containers\' health checks'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "container" -d 'Manage containers'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "images" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "image" -d 'Manage images'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "tag" -d 'Add names to a local image'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "login" -d 'Log in to a registry'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "logout" -d 'Log out of a registry'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "info" -d 'Show information about the store and the host'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "version" -d 'Show version information'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "save" -d 'Save images to an archive (docker-archive, oci-archive, oci-dir, docker-dir)'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "load" -d 'Load images from an archive (a file or standard input)'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "export" -d 'Write a container\'s filesystem as a tar archive'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "import" -d 'Make an image of one layer from a tar archive'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "commit" -d 'Make an image of a container\'s changes'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "history" -d 'Show how an image was built, newest layer first'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "diff" -d 'List the files a container added, changed or deleted'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "network" -d 'Manage user-defined networks'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "untag" -d 'Remove names from a local image'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "events" -d 'Show container and image events'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "pod" -d 'Manage pods: groups of containers sharing namespaces'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "kube" -d 'Hand containers and pods to Kubernetes and back (YAML)'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "attach" -d 'Attach to the terminal of a running container started with -t -d'
complete -c coracle -n "__fish_coracle_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand run" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand run" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cidfile -d 'Write the container id to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l annotation -d 'Add an annotation: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l stop-signal -d 'Signal that stops the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l stop-timeout -d 'Seconds `stop` waits before SIGKILL (default 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l log-driver -d 'Where the output of a detached container goes: k8s-file, none, passthrough' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l log-opt -d 'Log options: path=FILE, max-size=SIZE' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l restart -d 'Restart policy: no, on-failure[:N], always or unless-stopped (with -d)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l name -d 'Name of the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l hostname -d 'Hostname inside the container (default: the short container ID)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l pull -d 'When to pull the image: always, missing, never, newer' -r -f -a "always\t''
missing\t''
never\t''
newer\t''"
complete -c coracle -n "__fish_coracle_using_subcommand run" -s v -l volume -d 'Bind mount HOST-DIR:CONTAINER-DIR[:ro], volume NAME:CONTAINER-DIR[:ro], or anonymous volume CONTAINER-DIR' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l mount -d 'Mount: type=bind,source=…,target=…[,readonly], type=tmpfs,target=… or type=image,source=IMAGE,target=… (read-only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS]' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l device -d 'Add a host device (bind-mounted): HOST[:CONTAINER][:PERMISSIONS], permissions of r, w, m' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cap-add -d 'Add capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cap-drop -d 'Drop capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=FILE.json' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l userns -d 'User namespace mode: host (default: you are root inside), keep-id[:uid=N,gid=N] (you are N inside, your own ids by default), nomap (only your subordinate ids), auto[:size=N] (N of your subordinate ids no other auto container holds; 1024)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s m -l memory -d 'Memory limit (units b, k, m, g; -1 unlimited); needs cgroups' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l memory-swap -d 'Memory plus swap limit (-1 unlimited swap; default twice --memory)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cpus -d 'Number of CPUs the container may use, such as 0.5' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s c -l cpu-shares -d 'Relative CPU weight (1024 by default)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l pids-limit -d 'Maximum number of processes (-1 unlimited)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l health-cmd -d 'Health check command: a command line (run with /bin/sh -c), a JSON array, or none' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l health-interval -d 'Time between the monitor\'s health checks (default 30s; `disable` or 0: only `healthcheck run`)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l health-retries -d 'Failed checks in a row that make the container unhealthy (default 3)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l health-start-period -d 'Time after the start during which failed checks do not count (default 0s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l uidmap -d 'UID map CONTAINER:FROM:SIZE, FROM counting 0 as you and 1 on as your subordinate ids (repeatable; also the GID map without --gidmap)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l gidmap -d 'GID map CONTAINER:FROM:SIZE, as --uidmap (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l subuidname -d 'Map the ranges /etc/subuid gives NAME (within your own) from uid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l subgidname -d 'Map the ranges /etc/subgid gives NAME (within your own) from gid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l group-add -d 'Add a supplementary group (gid or name in the container), or keep-groups to keep your own (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l network -d 'Network: the podman network by default (bridge), none (only loopback), host, pasta[:OPTS], slirp4netns[:OPTS], container:NAME, ns:PATH, or the names of user-defined networks (repeatable, or NAME1,NAME2)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l ipc -d 'IPC namespace: private or shareable (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l pid -d 'PID namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cgroupns -d 'Cgroup namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l platform -d 'Platform for an implicit pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l ulimit -d 'Resource limit: TYPE=SOFT[:HARD] (nofile, nproc, core, …; -1 for your hard limit)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l umask -d 'File mode creation mask inside the container, octal (default 0022)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l tz -d 'Time zone: a zone name such as Europe/Berlin, or local for the host\'s' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l timeout -d 'Kill the container after this many seconds (it then exits with 255)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l preserve-fds -d 'Pass this many of your file descriptors from 3 up to the command (foreground only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l http-proxy -d 'Copy your proxy variables (HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, any case)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand run" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l sysctl -d 'Set a namespaced kernel parameter: KEY=VALUE (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l shm-size -d 'Size of /dev/shm, such as 64m (default 64m)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s a -l attach -d 'Attach only these streams of a foreground container: stdin, stdout, stderr' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l detach-keys -d 'Key sequence that detaches from a container, such as ctrl-p,ctrl-q ("" disables)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l volumes-from -d 'Mount the volumes of another container, CONTAINER[:ro|rw]' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l network-alias -d 'Another name of the container on its user-defined networks (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l dns-search -d 'Search domain for /etc/resolv.conf, replacing the host\'s; . for none (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l dns-option -d 'resolv.conf option such as ndots:2, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l mac-address -d 'MAC address of the container\'s interface on its one bridge network (the default one too)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -s p -l publish -d 'Publish a port: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ranges as 8000-8010 (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l pod -d 'Run in the pod NAME (sharing its namespaces), or in a new pod: new:NAME' -r
complete -c coracle -n "__fish_coracle_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand run" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand run" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s d -l detach -d 'Run in the background, held by a monitor; print the container id'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l init -d 'Run a minimal init as PID 1 that forwards signals and reaps zombies'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l read-only -d 'Mount the root filesystem read-only'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s q -l quiet -d 'Suppress the output of an implicit pull'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l env-host -d 'Copy your whole environment into the container'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l replace -d 'Remove an existing container of the same --name first'
complete -c coracle -n "__fish_coracle_using_subcommand run" -l rmi -d 'Remove the image once the container exits, unless another container uses it (implies --rm)'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c coracle -n "__fish_coracle_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand create" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand create" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cidfile -d 'Write the container id to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l annotation -d 'Add an annotation: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l stop-signal -d 'Signal that stops the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l stop-timeout -d 'Seconds `stop` waits before SIGKILL (default 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l log-driver -d 'Where the output of a detached container goes: k8s-file, none, passthrough' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l log-opt -d 'Log options: path=FILE, max-size=SIZE' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l restart -d 'Restart policy: no, on-failure[:N], always or unless-stopped (with -d)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l name -d 'Name of the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l hostname -d 'Hostname inside the container (default: the short container ID)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l pull -d 'When to pull the image: always, missing, never, newer' -r -f -a "always\t''
missing\t''
never\t''
newer\t''"
complete -c coracle -n "__fish_coracle_using_subcommand create" -s v -l volume -d 'Bind mount HOST-DIR:CONTAINER-DIR[:ro], volume NAME:CONTAINER-DIR[:ro], or anonymous volume CONTAINER-DIR' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l mount -d 'Mount: type=bind,source=…,target=…[,readonly], type=tmpfs,target=… or type=image,source=IMAGE,target=… (read-only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS]' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l device -d 'Add a host device (bind-mounted): HOST[:CONTAINER][:PERMISSIONS], permissions of r, w, m' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cap-add -d 'Add capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cap-drop -d 'Drop capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=FILE.json' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l userns -d 'User namespace mode: host (default: you are root inside), keep-id[:uid=N,gid=N] (you are N inside, your own ids by default), nomap (only your subordinate ids), auto[:size=N] (N of your subordinate ids no other auto container holds; 1024)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s m -l memory -d 'Memory limit (units b, k, m, g; -1 unlimited); needs cgroups' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l memory-swap -d 'Memory plus swap limit (-1 unlimited swap; default twice --memory)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cpus -d 'Number of CPUs the container may use, such as 0.5' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s c -l cpu-shares -d 'Relative CPU weight (1024 by default)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l pids-limit -d 'Maximum number of processes (-1 unlimited)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l health-cmd -d 'Health check command: a command line (run with /bin/sh -c), a JSON array, or none' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l health-interval -d 'Time between the monitor\'s health checks (default 30s; `disable` or 0: only `healthcheck run`)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l health-retries -d 'Failed checks in a row that make the container unhealthy (default 3)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l health-start-period -d 'Time after the start during which failed checks do not count (default 0s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l uidmap -d 'UID map CONTAINER:FROM:SIZE, FROM counting 0 as you and 1 on as your subordinate ids (repeatable; also the GID map without --gidmap)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l gidmap -d 'GID map CONTAINER:FROM:SIZE, as --uidmap (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l subuidname -d 'Map the ranges /etc/subuid gives NAME (within your own) from uid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l subgidname -d 'Map the ranges /etc/subgid gives NAME (within your own) from gid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l group-add -d 'Add a supplementary group (gid or name in the container), or keep-groups to keep your own (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l network -d 'Network: the podman network by default (bridge), none (only loopback), host, pasta[:OPTS], slirp4netns[:OPTS], container:NAME, ns:PATH, or the names of user-defined networks (repeatable, or NAME1,NAME2)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l ipc -d 'IPC namespace: private or shareable (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l pid -d 'PID namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cgroupns -d 'Cgroup namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l platform -d 'Platform for an implicit pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l ulimit -d 'Resource limit: TYPE=SOFT[:HARD] (nofile, nproc, core, …; -1 for your hard limit)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l umask -d 'File mode creation mask inside the container, octal (default 0022)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l tz -d 'Time zone: a zone name such as Europe/Berlin, or local for the host\'s' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l timeout -d 'Kill the container after this many seconds (it then exits with 255)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l preserve-fds -d 'Pass this many of your file descriptors from 3 up to the command (foreground only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l http-proxy -d 'Copy your proxy variables (HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, any case)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand create" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l sysctl -d 'Set a namespaced kernel parameter: KEY=VALUE (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l shm-size -d 'Size of /dev/shm, such as 64m (default 64m)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s a -l attach -d 'Attach only these streams of a foreground container: stdin, stdout, stderr' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l detach-keys -d 'Key sequence that detaches from a container, such as ctrl-p,ctrl-q ("" disables)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l volumes-from -d 'Mount the volumes of another container, CONTAINER[:ro|rw]' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l network-alias -d 'Another name of the container on its user-defined networks (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l dns-search -d 'Search domain for /etc/resolv.conf, replacing the host\'s; . for none (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l dns-option -d 'resolv.conf option such as ndots:2, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l mac-address -d 'MAC address of the container\'s interface on its one bridge network (the default one too)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -s p -l publish -d 'Publish a port: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ranges as 8000-8010 (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l pod -d 'Run in the pod NAME (sharing its namespaces), or in a new pod: new:NAME' -r
complete -c coracle -n "__fish_coracle_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand create" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand create" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s d -l detach -d 'Run in the background, held by a monitor; print the container id'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l init -d 'Run a minimal init as PID 1 that forwards signals and reaps zombies'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l read-only -d 'Mount the root filesystem read-only'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s q -l quiet -d 'Suppress the output of an implicit pull'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l env-host -d 'Copy your whole environment into the container'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l replace -d 'Remove an existing container of the same --name first'
complete -c coracle -n "__fish_coracle_using_subcommand create" -l rmi -d 'Remove the image once the container exits, unless another container uses it (implies --rm)'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c coracle -n "__fish_coracle_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand start" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand start" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand start" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand start" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand start" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand start" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand start" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l detach-keys -d 'Keys that detach from the terminal with --attach (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand start" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand start" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand start" -s a -l attach -d 'Attach to the container once started (one container): its terminal with -t, else its output until it ends; exit with its exit code'
complete -c coracle -n "__fish_coracle_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s n -l last -d 'Show the N latest containers' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s f -l filter -d 'Show only containers matching KEY=VALUE: id, name, status, label, ancestor, exited, before, since (same keys OR, different keys AND; labels all AND)' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l sort -d 'Sort by created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Names}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s q -l quiet -d 'Print only container ids'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s l -l latest -d 'Show only the latest container'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s s -l size -d 'Show the size of each container\'s writable layer'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s p -l pod -d 'Show the pod each container belongs to'
complete -c coracle -n "__fish_coracle_using_subcommand ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l tail -d 'Print only the last N lines' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l since -d 'Show only output since TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l until -d 'Show only output before TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -s f -l follow -d 'Keep printing new output until the containers end'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -s n -l names -d 'Prefix each line with the container\'s name (default with several: its short id)'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -s t -l timestamps -d 'Prefix each line with its timestamp'
complete -c coracle -n "__fish_coracle_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -s t -l time -d 'Seconds to wait before SIGKILL (default: the container\'s --stop-timeout, 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l cidfile -d 'Read a container id from this file (may be given several times)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand stop" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand stop" -s a -l all -d 'Stop every running container'
complete -c coracle -n "__fish_coracle_using_subcommand stop" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -s s -l signal -d 'Signal to send: a name (KILL, SIGTERM) or number' -r
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand kill" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand kill" -s a -l all -d 'Signal every running container'
complete -c coracle -n "__fish_coracle_using_subcommand kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l cidfile -d 'Read a container id from this file (may be given several times)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s t -l time -d 'Seconds to wait for a forced stop before SIGKILL' -r
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -l depend -d 'Also remove, first, every container that depends on the ones named'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s f -l force -d 'Stop running containers first (SIGKILL unless -t gives them time)'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s a -l all -d 'Remove every container'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l condition -d 'State to wait for: created, running, paused, exited, stopped, removing (several may be given: any one ends the wait; default stopped)' -r -f -a "configured\t''
created\t''
exited\t''
initialized\t''
paused\t''
removing\t''
running\t''
stopped\t''
stopping\t''"
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand wait" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -s t -l time -d 'Seconds to wait before SIGKILL (default: the container\'s --stop-timeout, 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand restart" -s a -l all -d 'Restart every container'
complete -c coracle -n "__fish_coracle_using_subcommand restart" -l running -d 'Restart only the running containers (with --all)'
complete -c coracle -n "__fish_coracle_using_subcommand restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand rename" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand port" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand port" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand port" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand port" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand port" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand port" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand port" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand port" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand port" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand port" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand port" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand port" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand port" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand port" -s a -l all -d 'List the ports of every container'
complete -c coracle -n "__fish_coracle_using_subcommand port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "prune" -d 'Remove stopped containers and dangling images'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "reset" -d 'Remove every container, image and volume: the whole store'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "check" -d 'Verify every blob against its digest and every unpacked layer against its recorded file list'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "df" -d 'Show the disk space used by images, containers and volumes'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "info" -d 'Show information about the store and the host'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "events" -d 'Show container and image events'
complete -c coracle -n "__fish_coracle_using_subcommand system; and not __fish_seen_subcommand_from prune reset check df info events help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove every image no container uses, not only dangling ones'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -s r -l repair -d 'Remove damaged images (unless containers use them) and damaged layer directories; a later pull or run restores them'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -s f -l force -d 'With --repair, also remove the containers that use damaged images'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -s q -l quick -d 'Skip hashing every blob (only missing blobs and layer file lists are checked)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Output format: json, or a Go template such as \'{{.Type}} {{.Size}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Show every image, container and volume'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Output format: json, or a Go template' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'Show only events matching KEY=VALUE: type, container, image, event (same keys OR, different keys AND)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Output format: json (one JSON object a line), or a Go template such as \'{{.Status}} {{.Name}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show only events since TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Show only events before TIME: RFC 3339, Unix seconds, or a duration such as 10m (stops following once reached)' -r
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Keep following new events (--stream=false prints the recorded ones and exits)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove stopped containers and dangling images'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove every container, image and volume: the whole store'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "check" -d 'Verify every blob against its digest and every unpacked layer against its recorded file list'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "df" -d 'Show the disk space used by images, containers and volumes'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show information about the store and the host'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "events" -d 'Show container and image events'
complete -c coracle -n "__fish_coracle_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand cp" -s a -l archive -d 'Files copied into the container belong to its user; --archive=false keeps the source\'s owners' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand cp" -l overwrite -d 'Allow replacing a directory with a non-directory and the other way round'
complete -c coracle -n "__fish_coracle_using_subcommand cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.State.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -s t -l type -d 'What kind of object the names are: container, image, volume, network, pod or all (the first kind that has the name)' -r
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l detach-keys -d 'Keys that detach from an -it session and leave its process running (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers (default: the container\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container (default: the container\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-terminal (from the container\'s devpts)'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s d -l detach -d 'Run the command in the background; print nothing'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -l privileged -d 'Give the process every capability'
complete -c coracle -n "__fish_coracle_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand top" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand top" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand top" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand top" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand top" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand top" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand top" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand top" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand top" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand top" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand top" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand top" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -s i -l interval -d 'Seconds between refreshes' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l format -d 'Go template or json' -r
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -s a -l all -d 'Every container, not only running ones (ended ones are skipped)'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l no-stream -d 'Print the figures once instead of refreshing them'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pause" -s a -l all -d 'Every running (for pause) or paused (for unpause) container'
complete -c coracle -n "__fish_coracle_using_subcommand pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -s a -l all -d 'Every running (for pause) or paused (for unpause) container'
complete -c coracle -n "__fish_coracle_using_subcommand unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run a container\'s health check once and record the result (exit 0 healthy, 1 unhealthy)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a container\'s health check once and record the result (exit 0 healthy, 1 unhealthy)'
complete -c coracle -n "__fish_coracle_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "run" -d 'Run a command in a new container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "create" -d 'Create a container without starting it'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "start" -d 'Start created or stopped containers (in the background)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "ls" -d 'List containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "list" -d 'List containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "logs" -d 'Show a container\'s output'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "stop" -d 'Stop running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "kill" -d 'Send a signal to running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "rm" -d 'Remove containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "wait" -d 'Wait for containers to end and print their exit codes'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "restart" -d 'Stop and start containers again'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "rename" -d 'Give a container a new name'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "port" -d 'List a container\'s published ports'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "prune" -d 'Remove every stopped container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "inspect" -d 'Show the details of containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "exists" -d 'Exit 0 if a container exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "cleanup" -d 'Record ended containers\' exits, remove --rm ones, apply restart policies (what a container\'s monitor runs when the container ends)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "cp" -d 'Copy files between a container and the host'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "exec" -d 'Run a command in a running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "top" -d 'Show the processes of a running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "stats" -d 'Show the resource usage of running containers (from their cgroups)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "pause" -d 'Freeze every process of running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "unpause" -d 'Thaw paused containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "attach" -d 'Attach to the terminal of a running container started with -t -d'
complete -c coracle -n "__fish_coracle_using_subcommand container; and not __fish_seen_subcommand_from run create start ls list logs stop kill rm wait restart rename port prune inspect exists cleanup cp exec top stats pause unpause attach help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container id to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal that stops the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds `stop` waits before SIGKILL (default 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Where the output of a detached container goes: k8s-file, none, passthrough' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Log options: path=FILE, max-size=SIZE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, on-failure[:N], always or unless-stopped (with -d)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name of the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l hostname -d 'Hostname inside the container (default: the short container ID)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'When to pull the image: always, missing, never, newer' -r -f -a "always\t''
missing\t''
never\t''
newer\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount HOST-DIR:CONTAINER-DIR[:ro], volume NAME:CONTAINER-DIR[:ro], or anonymous volume CONTAINER-DIR' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Mount: type=bind,source=…,target=…[,readonly], type=tmpfs,target=… or type=image,source=IMAGE,target=… (read-only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS]' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'Add a host device (bind-mounted): HOST[:CONTAINER][:PERMISSIONS], permissions of r, w, m' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=FILE.json' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace mode: host (default: you are root inside), keep-id[:uid=N,gid=N] (you are N inside, your own ids by default), nomap (only your subordinate ids), auto[:size=N] (N of your subordinate ids no other auto container holds; 1024)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (units b, k, m, g; -1 unlimited); needs cgroups' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory plus swap limit (-1 unlimited swap; default twice --memory)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs the container may use, such as 0.5' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'Relative CPU weight (1024 by default)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Maximum number of processes (-1 unlimited)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Health check command: a command line (run with /bin/sh -c), a JSON array, or none' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between the monitor\'s health checks (default 30s; `disable` or 0: only `healthcheck run`)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Failed checks in a row that make the container unhealthy (default 3)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time after the start during which failed checks do not count (default 0s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'UID map CONTAINER:FROM:SIZE, FROM counting 0 as you and 1 on as your subordinate ids (repeatable; also the GID map without --gidmap)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'GID map CONTAINER:FROM:SIZE, as --uidmap (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l subuidname -d 'Map the ranges /etc/subuid gives NAME (within your own) from uid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l subgidname -d 'Map the ranges /etc/subgid gives NAME (within your own) from gid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add a supplementary group (gid or name in the container), or keep-groups to keep your own (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network: the podman network by default (bridge), none (only loopback), host, pasta[:OPTS], slirp4netns[:OPTS], container:NAME, ns:PATH, or the names of user-defined networks (repeatable, or NAME1,NAME2)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace: private or shareable (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroupns -d 'Cgroup namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'Platform for an implicit pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Resource limit: TYPE=SOFT[:HARD] (nofile, nproc, core, …; -1 for your hard limit)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l umask -d 'File mode creation mask inside the container, octal (default 0022)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Time zone: a zone name such as Europe/Berlin, or local for the host\'s' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Kill the container after this many seconds (it then exits with 255)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass this many of your file descriptors from 3 up to the command (foreground only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Copy your proxy variables (HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, any case)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Set a namespaced kernel parameter: KEY=VALUE (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm, such as 64m (default 64m)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach only these streams of a foreground container: stdin, stdout, stderr' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Key sequence that detaches from a container, such as ctrl-p,ctrl-q ("" disables)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes of another container, CONTAINER[:ro|rw]' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name of the container on its user-defined networks (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Search domain for /etc/resolv.conf, replacing the host\'s; . for none (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'resolv.conf option such as ndots:2, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'MAC address of the container\'s interface on its one bridge network (the default one too)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a port: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ranges as 8000-8010 (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run in the pod NAME (sharing its namespaces), or in a new pod: new:NAME' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background, held by a monitor; print the container id'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run a minimal init as PID 1 that forwards signals and reaps zombies'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the root filesystem read-only'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Suppress the output of an implicit pull'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Copy your whole environment into the container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Remove an existing container of the same --name first'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image once the container exits, unless another container uses it (implies --rm)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container id to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal that stops the container (default: the image\'s StopSignal, else SIGTERM)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds `stop` waits before SIGKILL (default 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Where the output of a detached container goes: k8s-file, none, passthrough' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Log options: path=FILE, max-size=SIZE' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, on-failure[:N], always or unless-stopped (with -d)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name of the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l hostname -d 'Hostname inside the container (default: the short container ID)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'When to pull the image: always, missing, never, newer' -r -f -a "always\t''
missing\t''
never\t''
newer\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount HOST-DIR:CONTAINER-DIR[:ro], volume NAME:CONTAINER-DIR[:ro], or anonymous volume CONTAINER-DIR' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Mount: type=bind,source=…,target=…[,readonly], type=tmpfs,target=… or type=image,source=IMAGE,target=… (read-only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs: PATH[:OPTIONS]' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'Add a host device (bind-mounted): HOST[:CONTAINER][:PERMISSIONS], permissions of r, w, m' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop capabilities (or ALL)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined, seccomp=FILE.json' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace mode: host (default: you are root inside), keep-id[:uid=N,gid=N] (you are N inside, your own ids by default), nomap (only your subordinate ids), auto[:size=N] (N of your subordinate ids no other auto container holds; 1024)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (units b, k, m, g; -1 unlimited); needs cgroups' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory plus swap limit (-1 unlimited swap; default twice --memory)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs the container may use, such as 0.5' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'Relative CPU weight (1024 by default)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Maximum number of processes (-1 unlimited)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Health check command: a command line (run with /bin/sh -c), a JSON array, or none' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between the monitor\'s health checks (default 30s; `disable` or 0: only `healthcheck run`)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Failed checks in a row that make the container unhealthy (default 3)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time after the start during which failed checks do not count (default 0s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'UID map CONTAINER:FROM:SIZE, FROM counting 0 as you and 1 on as your subordinate ids (repeatable; also the GID map without --gidmap)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'GID map CONTAINER:FROM:SIZE, as --uidmap (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l subuidname -d 'Map the ranges /etc/subuid gives NAME (within your own) from uid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l subgidname -d 'Map the ranges /etc/subgid gives NAME (within your own) from gid 0' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add a supplementary group (gid or name in the container), or keep-groups to keep your own (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network: the podman network by default (bridge), none (only loopback), host, pasta[:OPTS], slirp4netns[:OPTS], container:NAME, ns:PATH, or the names of user-defined networks (repeatable, or NAME1,NAME2)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: private or shareable (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace (hostname): private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroupns -d 'Cgroup namespace: private (default), host, container:NAME or ns:PATH' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Platform for an implicit pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Resource limit: TYPE=SOFT[:HARD] (nofile, nproc, core, …; -1 for your hard limit)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l umask -d 'File mode creation mask inside the container, octal (default 0022)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Time zone: a zone name such as Europe/Berlin, or local for the host\'s' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Kill the container after this many seconds (it then exits with 255)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l preserve-fds -d 'Pass this many of your file descriptors from 3 up to the command (foreground only)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Copy your proxy variables (HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, any case)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Set a namespaced kernel parameter: KEY=VALUE (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm, such as 64m (default 64m)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s a -l attach -d 'Attach only these streams of a foreground container: stdin, stdout, stderr' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l detach-keys -d 'Key sequence that detaches from a container, such as ctrl-p,ctrl-q ("" disables)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes of another container, CONTAINER[:ro|rw]' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name of the container on its user-defined networks (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Nameserver for the container\'s /etc/resolv.conf, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Search domain for /etc/resolv.conf, replacing the host\'s; . for none (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'resolv.conf option such as ndots:2, replacing the host\'s (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'MAC address of the container\'s interface on its one bridge network (the default one too)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|/udp], ranges as 8000-8010 (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in the pod NAME (sharing its namespaces), or in a new pod: new:NAME' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s d -l detach -d 'Run in the background, held by a monitor; print the container id'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run a minimal init as PID 1 that forwards signals and reaps zombies'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the root filesystem read-only'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give the container every capability, no seccomp filter and no masked paths'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Suppress the output of an implicit pull'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Copy your whole environment into the container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Remove an existing container of the same --name first'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -l rmi -d 'Remove the image once the container exits, unless another container uses it (implies --rm)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Keys that detach from the terminal with --attach (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach to the container once started (one container): its terminal with -t, else its output until it ends; exit with its exit code'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the N latest containers' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only containers matching KEY=VALUE: id, name, status, label, ancestor, exited, before, since (same keys OR, different keys AND; labels all AND)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Names}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only container ids'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show only the latest container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show the size of each container\'s writable layer'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'Show the pod each container belongs to'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the N latest containers' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only containers matching KEY=VALUE: id, name, status, label, ancestor, exited, before, since (same keys OR, different keys AND; labels all AND)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created, id, image, names, runningfor, size or status' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Names}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default: only running ones)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only container ids'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show only the latest container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show the size of each container\'s writable layer'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'Show the pod each container belongs to'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Print only the last N lines' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show only output since TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show only output before TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the containers end'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l names -d 'Prefix each line with the container\'s name (default with several: its short id)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its timestamp'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before SIGKILL (default: the container\'s --stop-timeout, 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Read a container id from this file (may be given several times)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop every running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send: a name (KILL, SIGTERM) or number' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal every running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Read a container id from this file (may be given several times)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a forced stop before SIGKILL' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Also remove, first, every container that depends on the ones named'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first (SIGKILL unless -t gives them time)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'State to wait for: created, running, paused, exited, stopped, removing (several may be given: any one ends the wait; default stopped)' -r -f -a "configured\t''
created\t''
exited\t''
initialized\t''
paused\t''
removing\t''
running\t''
stopped\t''
stopping\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait before SIGKILL (default: the container\'s --stop-timeout, 10)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Restart every container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'Restart only the running containers (with --all)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'List the ports of every container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l filter -d 'Prune only containers matching KEY=VALUE: label, label!, until' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.State.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Files copied into the container belong to its user; --archive=false keeps the source\'s owners' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Allow replacing a directory with a non-directory and the other way round'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Keys that detach from an -it session and leave its process running (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables: KEY=VALUE, or KEY to copy it from the caller' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file (KEY=VALUE lines)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'User to run as: USER[:GROUP], names or numbers (default: the container\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container (default: the container\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep standard input open'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-terminal (from the container\'s devpts)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background; print nothing'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the process every capability'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between refreshes' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Go template or json' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Every container, not only running ones (ended ones are skipped)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print the figures once instead of refreshing them'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every running (for pause) or paused (for unpause) container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every running (for pause) or paused (for unpause) container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Keys that detach from the terminal and leave the container running (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not pass the caller\'s input to the container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command in a new container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a container without starting it'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start created or stopped containers (in the background)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show a container\'s output'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for containers to end and print their exit codes'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start containers again'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Give a container a new name'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "port" -d 'List a container\'s published ports'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every stopped container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show the details of containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if a container exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "cleanup" -d 'Record ended containers\' exits, remove --rm ones, apply restart policies (what a container\'s monitor runs when the container ends)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "cp" -d 'Copy files between a container and the host'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command in a running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of a running container'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Show the resource usage of running containers (from their cgroups)'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Freeze every process of running containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Thaw paused containers'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach to the terminal of a running container started with -t -d'
complete -c coracle -n "__fish_coracle_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l platform -d 'Platform to select from a manifest list: OS/ARCH[/VARIANT] (default: the host\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l arch -d 'Architecture to select (overrides the one in --platform)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l max-parallel -d 'How many blobs to download at once' -r
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pull" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pull" -s q -l quiet -d 'Print only the image ID'
complete -c coracle -n "__fish_coracle_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand push" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand push" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand push" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l creds -d 'Credentials USER[:PASSWORD] for this push' -r
complete -c coracle -n "__fish_coracle_using_subcommand push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand push" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand push" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand push" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand images" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand images" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand images" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand images" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand images" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand images" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand images" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -s f -l filter -d 'Filter: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE' -r
complete -c coracle -n "__fish_coracle_using_subcommand images" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand images" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand images" -s a -l all -d 'Show all images (coracle keeps no intermediate images, so the same list)'
complete -c coracle -n "__fish_coracle_using_subcommand images" -s q -l quiet -d 'Print only image IDs'
complete -c coracle -n "__fish_coracle_using_subcommand images" -l digests -d 'Show digests'
complete -c coracle -n "__fish_coracle_using_subcommand images" -l no-trunc -d 'Do not truncate IDs'
complete -c coracle -n "__fish_coracle_using_subcommand images" -s n -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand images" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "inspect" -d 'Show the details of images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "exists" -d 'Exit 0 if an image is in local storage, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "images" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "ls" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "pull" -d 'Pull an image from a registry'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "push" -d 'Push an image to a registry'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "rm" -d 'Remove one or more images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "tag" -d 'Add names to a local image'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "prune" -d 'Remove unused images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "save" -d 'Save images to an archive'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "load" -d 'Load images from an archive'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "history" -d 'Show how an image was built, newest layer first'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "tree" -d 'Show an image\'s layers and which other images end at each'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "untag" -d 'Remove names from a local image'
complete -c coracle -n "__fish_coracle_using_subcommand image; and not __fish_seen_subcommand_from inspect exists images ls pull push rm tag prune save load history tree untag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Digest}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -s f -l filter -d 'Filter: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -s a -l all -d 'Show all images (coracle keeps no intermediate images, so the same list)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -s q -l quiet -d 'Print only image IDs'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l digests -d 'Show digests'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -l no-trunc -d 'Do not truncate IDs'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -s n -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from images" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (coracle keeps no intermediate images, so the same list)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only image IDs'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate IDs'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Platform to select from a manifest list: OS/ARCH[/VARIANT] (default: the host\'s)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Architecture to select (overrides the one in --platform)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l max-parallel -d 'How many blobs to download at once' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image ID'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials USER[:PASSWORD] for this push' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove an image even when it has several names, and ignore missing images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only dangling (unnamed) ones'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to this file (or directory, for oci-dir and docker-dir) instead of standard output' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''
oci-dir\t''
docker-dir\t''"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Allow several images in one docker-archive'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive from this file instead of standard input (plain, gzip or zstd tar)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.CreatedBy}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate IDs and commands'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the IDs'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show the details of images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if an image is in local storage, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "images" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull an image from a registry'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one or more images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Add names to a local image'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused images'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save images to an archive'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load images from an archive'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show how an image was built, newest layer first'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tree" -d 'Show an image\'s layers and which other images end at each'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Remove names from a local image'
complete -c coracle -n "__fish_coracle_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -s f -l force -d 'Remove an image even when it has several names, and ignore missing images'
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c coracle -n "__fish_coracle_using_subcommand rmi" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand tag" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand login" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand login" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand login" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -s u -l username -d 'Username' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -s p -l password -d 'Password (prefer --password-stdin)' -r
complete -c coracle -n "__fish_coracle_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates (default: as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand login" -l cert-dir -d 'Directory of CA certificates (*.crt) for the registry' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand login" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand login" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c coracle -n "__fish_coracle_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l authfile -d 'Credentials file (default: $XDG_RUNTIME_DIR/containers/auth.json)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand logout" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c coracle -n "__fish_coracle_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand info" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand info" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand info" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand info" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand info" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand info" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand info" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -s f -l format -d 'Output format: json, or a Go template' -r
complete -c coracle -n "__fish_coracle_using_subcommand info" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand info" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand version" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand version" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand version" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand version" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand version" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand version" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand version" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -s f -l format -d 'Output format: json, or a Go template' -r
complete -c coracle -n "__fish_coracle_using_subcommand version" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand version" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "create" -d 'Create a volume (a random name when none is given); print its name'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "ls" -d 'List volumes'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "list" -d 'List volumes'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "inspect" -d 'Show the details of volumes as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "exists" -d 'Exit 0 if a volume exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "rm" -d 'Remove volumes (exit 2 when one is in use, unless -f)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "remove" -d 'Remove volumes (exit 2 when one is in use, unless -f)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and not __fish_seen_subcommand_from create ls list inspect exists rm remove prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'Volume driver (only local)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Label KEY=VALUE (may be given several times)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver option: o=uid=N,gid=N,nocopy (may be given several times)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed without change when the volume exists'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=, label=KEY[=VALUE], dangling=true|false, driver= (may be repeated)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Go template or json' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print names only'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Print no header row'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name=, label=KEY[=VALUE], dangling=true|false, driver= (may be repeated)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Go template or json' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print names only'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Print no header row'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template instead of JSON' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Every volume'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a forced stop before SIGKILL' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every volume'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers using a volume first (running ones are stopped)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait for a forced stop before SIGKILL' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Every volume'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove the containers using a volume first (running ones are stopped)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Filter: label=KEY[=VALUE], name= (may be repeated)' -r
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a volume (a random name when none is given); print its name'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List volumes'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show the details of volumes as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if a volume exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove volumes (exit 2 when one is in use, unless -f)'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand save" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand save" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand save" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand save" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand save" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand save" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand save" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand save" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand save" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand save" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand save" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand save" -s o -l output -d 'Write to this file (or directory, for oci-dir and docker-dir) instead of standard output' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand save" -l format -d 'Archive format' -r -f -a "docker-archive\t''
oci-archive\t''
oci-dir\t''
docker-dir\t''"
complete -c coracle -n "__fish_coracle_using_subcommand save" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand save" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand save" -s m -l multi-image-archive -d 'Allow several images in one docker-archive'
complete -c coracle -n "__fish_coracle_using_subcommand save" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand load" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand load" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand load" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand load" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand load" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand load" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand load" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand load" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand load" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand load" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand load" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand load" -s i -l input -d 'Read the archive from this file instead of standard input (plain, gzip or zstd tar)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand load" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand load" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand load" -s q -l quiet -d 'Print nothing but errors'
complete -c coracle -n "__fish_coracle_using_subcommand load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand export" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand export" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand export" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand export" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand export" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand export" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand export" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand export" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand export" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand export" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand export" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand export" -s o -l output -d 'Write the tar to this file instead of stdout' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand export" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand export" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand import" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand import" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand import" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand import" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand import" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand import" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand import" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image\'s configuration: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME or WORKDIR (INSTRUCTION=VALUE)' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -s m -l message -d 'Commit message stored in the image\'s history' -r
complete -c coracle -n "__fish_coracle_using_subcommand import" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand import" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand import" -s q -l quiet -d 'Print only the image ID'
complete -c coracle -n "__fish_coracle_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image\'s configuration: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME or WORKDIR (INSTRUCTION=VALUE)' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s m -l message -d 'Commit message stored in the image\'s history' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s a -l author -d 'Author stored in the image' -r
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand commit" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s p -l pause -d 'Freeze the container while its layer is read'
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s q -l quiet -d 'Print only the image ID'
complete -c coracle -n "__fish_coracle_using_subcommand commit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand history" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand history" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand history" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand history" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand history" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand history" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand history" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.CreatedBy}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand history" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand history" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand history" -l no-trunc -d 'Do not truncate IDs and commands'
complete -c coracle -n "__fish_coracle_using_subcommand history" -s q -l quiet -d 'Print only the IDs'
complete -c coracle -n "__fish_coracle_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l format -d 'Output format: json' -r
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand diff" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "create" -d 'Create a network (a bridge with a subnet of its own)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "ls" -d 'List networks'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "inspect" -d 'Show networks\' definitions as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "rm" -d 'Remove networks'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "prune" -d 'Remove networks no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "connect" -d 'Attach a container to a network'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "disconnect" -d 'Detach a container from a network'
complete -c coracle -n "__fish_coracle_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect exists rm prune connect disconnect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR notation, such as 10.89.5.0/24 (default: a free one of 10.89.0.0/16 on)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'Gateway address (default: the subnet\'s first address); needs --subnet' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set a label: KEY=VALUE (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver: only bridge' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No route out of the network: containers reach only each other'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'Do not answer the containers\' names on this network'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Do nothing (and succeed) if a network of that name exists'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only networks matching KEY=VALUE: name (a regular expression), driver, label, id' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.Name}} {{.Driver}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the names'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the network ID'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json (default), or a Go template such as \'{{.Subnets}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Also remove the containers that use the networks (stopping running ones)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name of the container on this network (repeatable)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'MAC address of the container\'s interface on this network' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for Podman\'s sake: a disconnect always takes effect'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a network (a bridge with a subnet of its own)'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List networks'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show networks\' definitions as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove networks'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove networks no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Attach a container to a network'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Detach a container from a network'
complete -c coracle -n "__fish_coracle_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand untag" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand untag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand events" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand events" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand events" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand events" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand events" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand events" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand events" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -s f -l filter -d 'Show only events matching KEY=VALUE: type, container, image, event (same keys OR, different keys AND)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l format -d 'Output format: json (one JSON object a line), or a Go template such as \'{{.Status}} {{.Name}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l since -d 'Show only events since TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l until -d 'Show only events before TIME: RFC 3339, Unix seconds, or a duration such as 10m (stops following once reached)' -r
complete -c coracle -n "__fish_coracle_using_subcommand events" -l stream -d 'Keep following new events (--stream=false prints the recorded ones and exits)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand events" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand events" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand events" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "create" -d 'Create a pod and its infra container; print its id'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "ps" -d 'List pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "ls" -d 'List pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "list" -d 'List pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "inspect" -d 'Show the details of pods as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "exists" -d 'Exit 0 if a pod exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "start" -d 'Start pods: the infra container first, then the others'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "stop" -d 'Stop every container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "restart" -d 'Stop and start pods again'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "kill" -d 'Send a signal to every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "rm" -d 'Remove pods and their containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "remove" -d 'Remove pods and their containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "prune" -d 'Remove every pod whose containers are all stopped'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "pause" -d 'Pause every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "unpause" -d 'Unpause every paused container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "top" -d 'Show the processes of a pod\'s running containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and not __fish_seen_subcommand_from create ps ls list inspect exists start stop restart kill rm remove prune pause unpause top logs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l name -d 'Name of the pod (default: a generated one)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod: [[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'Network of the pod\'s infra container (its containers share it)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the pod\'s containers share: a comma list of net, ipc, uts' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Create an infra container holding the shared namespaces' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label: KEY=VALUE' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'Hostname of the pod (its containers share it)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Show only pods matching KEY=VALUE: id, name, label, status' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only pod ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Show the status of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Show the ids of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Show only pods matching KEY=VALUE: id, name, label, status' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only pod ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-status -d 'Show the status of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l ctr-ids -d 'Show the ids of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -s f -l filter -d 'Show only pods matching KEY=VALUE: id, name, label, status' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l format -d 'Output format: json, or a Go template such as \'{{.ID}} {{.Name}} {{.Status}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only pod ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-names -d 'Show the names of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-status -d 'Show the status of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l ctr-ids -d 'Show the ids of each pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header row'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json, or a Go template such as \'{{.Name}}\'' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before SIGKILL' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore pods that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send (name or number)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait before SIGKILL when stopping (with -f)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore pods that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait before SIGKILL when stopping (with -f)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -s f -l force -d 'Stop running containers first'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -s i -l ignore -d 'Ignore pods that do not exist'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every pod'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Show only this container of the pod (name or id)' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tail -d 'Print only the last N lines' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Show only output since TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Show only output before TIME: RFC 3339, Unix seconds, or a duration such as 10m' -r
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing new output until the containers end'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l names -d 'Prefix each line with the container\'s name (default with several: its short id)'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its timestamp'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a pod and its infra container; print its id'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show the details of pods as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if a pod exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start pods: the infra container first, then the others'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop every container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start pods again'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove pods and their containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every pod whose containers are all stopped'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause every paused container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of a pod\'s running containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "generate" -d 'Write Kubernetes YAML (a v1 Pod) for containers or pods'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "down" -d 'Remove the pods and containers `kube play` created from the same YAML'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -s f -l filename -d 'Write the YAML to FILE instead of standard output (an existing FILE is refused)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -s t -l type -d 'The kind to write for each target: pod or deployment' -r -f -a "pod\t'A v1 Pod'
deployment\t'An apps/v1 Deployment whose template is the Pod'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -s r -l replicas -d 'The replicas of a Deployment (only with --type deployment; 1 by default)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -s s -l service -d 'Write a Service for the published ports too'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l start -d 'Start the pods\' containers (--start=false only creates them)' -r -f -a "true\t''
false\t''"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l replace -d 'Remove the pods of the YAML first (their containers with them) and create them again'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l down -d 'Tear down what the YAML describes instead of creating it (as `kube down`)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -l force -d 'With --down: remove the volumes of the PersistentVolumeClaims too'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -s q -l quiet -d 'Suppress the output of image pulls'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from play" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -l force -d 'Remove the volumes of the PersistentVolumeClaims too (kept by default)'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Write Kubernetes YAML (a v1 Pod) for containers or pods'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "down" -d 'Remove the pods and containers `kube play` created from the same YAML'
complete -c coracle -n "__fish_coracle_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l root -d 'Store directory (default: $XDG_DATA_HOME/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l runroot -d 'Runtime state directory: exit files and the events log (default: $XDG_RUNTIME_DIR/coracle)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l tmpdir -d 'Directory for coracle\'s temporary state (exit files and the events log); overrides --runroot for them, as Podman keeps them under its tmpdir' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l storage-driver -d 'Storage driver: overlay (the only one coracle has)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l storage-opt -d 'Storage options, e.g. ignore_chown_errors=true (as storage.conf)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l cgroup-manager -d 'Cgroup manager: cgroupfs (coracle writes the cgroup tree itself)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l events-backend -d 'Where events go: file (default) or none' -r -f -a "file\t'Append JSON lines to events/events.log in the runtime directory'
none\t'Record nothing (`events` then shows nothing)'
journald\t'The systemd journal (coracle has no journal backend: an error)'"
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l log-level -d 'Messages on stderr from this level up: error, warn, info, debug, trace' -r -f -a "error\t'Only errors (Podman\'s `panic` and `fatal` mean the same here)'
warn\t'Errors and warnings (the default)'
info\t'Also what coracle does'
debug\t'Also the details: registry requests, the store, container starts'
trace\t'Everything'"
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l out -d 'Write coracle\'s stdout to FILE instead (a container\'s own output is not affected)' -r -F
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l url -d 'Remote service URL (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l connection -d 'Remote connection name (coracle has no remote service: an error)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l detach-keys -d 'Keys that detach from the terminal and leave the container running (default ctrl-p,ctrl-q; "" disables detaching)' -r
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l noout -d 'Print nothing on stdout (a container\'s own output is not affected)'
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l remote -d 'Use a remote service (coracle has none: an error)'
complete -c coracle -n "__fish_coracle_using_subcommand attach" -l no-stdin -d 'Do not pass the caller\'s input to the container'
complete -c coracle -n "__fish_coracle_using_subcommand attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "run" -d 'Run a command in a new container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "create" -d 'Create a container without starting it'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "start" -d 'Start created or stopped containers (in the background)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "ps" -d 'List containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "logs" -d 'Show a container\'s output'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "stop" -d 'Stop running containers: the stop signal, then SIGKILL after a timeout'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "kill" -d 'Send a signal to running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "rm" -d 'Remove containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "wait" -d 'Wait for containers to end and print their exit codes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "restart" -d 'Stop and start containers again'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "rename" -d 'Give a container a new name'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "port" -d 'List a container\'s published ports'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "system" -d 'Manage the whole store'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "cp" -d 'Copy files between a container and the host'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "inspect" -d 'Show the details of containers or images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "exec" -d 'Run a command in a running container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "top" -d 'Show the processes of a running container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "stats" -d 'Show the resource usage of running containers (from their cgroups)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "pause" -d 'Freeze every process of running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "unpause" -d 'Thaw paused containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "healthcheck" -d 'Run containers\' health checks'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "container" -d 'Manage containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "pull" -d 'Pull an image from a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "push" -d 'Push an image to a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "images" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "image" -d 'Manage images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "rmi" -d 'Remove one or more images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "tag" -d 'Add names to a local image'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "login" -d 'Log in to a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "logout" -d 'Log out of a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "info" -d 'Show information about the store and the host'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "version" -d 'Show version information'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "volume" -d 'Manage volumes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "save" -d 'Save images to an archive (docker-archive, oci-archive, oci-dir, docker-dir)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "load" -d 'Load images from an archive (a file or standard input)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "export" -d 'Write a container\'s filesystem as a tar archive'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "import" -d 'Make an image of one layer from a tar archive'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "commit" -d 'Make an image of a container\'s changes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "history" -d 'Show how an image was built, newest layer first'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "diff" -d 'List the files a container added, changed or deleted'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "network" -d 'Manage user-defined networks'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "untag" -d 'Remove names from a local image'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "events" -d 'Show container and image events'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "pod" -d 'Manage pods: groups of containers sharing namespaces'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "kube" -d 'Hand containers and pods to Kubernetes and back (YAML)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "attach" -d 'Attach to the terminal of a running container started with -t -d'
complete -c coracle -n "__fish_coracle_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs stop kill rm wait restart rename port system cp inspect exec top stats pause unpause healthcheck container pull push images image rmi tag login logout info version volume save load export import commit history diff network untag events pod kube attach help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "prune" -d 'Remove stopped containers and dangling images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove every container, image and volume: the whole store'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "check" -d 'Verify every blob against its digest and every unpacked layer against its recorded file list'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "df" -d 'Show the disk space used by images, containers and volumes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "info" -d 'Show information about the store and the host'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "events" -d 'Show container and image events'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from healthcheck" -f -a "run" -d 'Run a container\'s health check once and record the result (exit 0 healthy, 1 unhealthy)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "run" -d 'Run a command in a new container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create a container without starting it'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start created or stopped containers (in the background)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "ls" -d 'List containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Show a container\'s output'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Send a signal to running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Wait for containers to end and print their exit codes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Stop and start containers again'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rename" -d 'Give a container a new name'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'List a container\'s published ports'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "prune" -d 'Remove every stopped container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Show the details of containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exists" -d 'Exit 0 if a container exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cleanup" -d 'Record ended containers\' exits, remove --rm ones, apply restart policies (what a container\'s monitor runs when the container ends)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cp" -d 'Copy files between a container and the host'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Run a command in a running container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "top" -d 'Show the processes of a running container'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stats" -d 'Show the resource usage of running containers (from their cgroups)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "pause" -d 'Freeze every process of running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "unpause" -d 'Thaw paused containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "attach" -d 'Attach to the terminal of a running container started with -t -d'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show the details of images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Exit 0 if an image is in local storage, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "images" -d 'List images in local storage'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull an image from a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove one or more images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Add names to a local image'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove unused images'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Save images to an archive'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Load images from an archive'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show how an image was built, newest layer first'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tree" -d 'Show an image\'s layers and which other images end at each'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Remove names from a local image'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "create" -d 'Create a volume (a random name when none is given); print its name'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "ls" -d 'List volumes'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "inspect" -d 'Show the details of volumes as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "exists" -d 'Exit 0 if a volume exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "rm" -d 'Remove volumes (exit 2 when one is in use, unless -f)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "prune" -d 'Remove every volume no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "create" -d 'Create a network (a bridge with a subnet of its own)'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "ls" -d 'List networks'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "inspect" -d 'Show networks\' definitions as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "rm" -d 'Remove networks'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "prune" -d 'Remove networks no container uses'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "connect" -d 'Attach a container to a network'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "disconnect" -d 'Detach a container from a network'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "create" -d 'Create a pod and its infra container; print its id'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "ps" -d 'List pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "inspect" -d 'Show the details of pods as JSON'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "exists" -d 'Exit 0 if a pod exists, 1 if not'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "start" -d 'Start pods: the infra container first, then the others'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "stop" -d 'Stop every container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "restart" -d 'Stop and start pods again'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "kill" -d 'Send a signal to every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "rm" -d 'Remove pods and their containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "prune" -d 'Remove every pod whose containers are all stopped'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "pause" -d 'Pause every running container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "unpause" -d 'Unpause every paused container of pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "top" -d 'Show the processes of a pod\'s running containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "generate" -d 'Write Kubernetes YAML (a v1 Pod) for containers or pods'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "play" -d 'Create pods, containers and volumes from Kubernetes YAML'
complete -c coracle -n "__fish_coracle_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "down" -d 'Remove the pods and containers `kube play` created from the same YAML'
