//! Image references as users and registries.conf write them: parsing never panics,
//! and a parsed reference prints as text that parses back to the same reference.
#![no_main]

use coracle_image::registries::RegistriesConf;
use coracle_image::Reference;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Reference::is_short_name(input);
    // Short names go through the (empty) search list: docker.io, as without a config.
    let _ = RegistriesConf::default().resolve(input);
    let Ok(reference) = Reference::parse(input) else {
        return;
    };
    let printed = reference.to_string();
    let again = Reference::parse(&printed)
        .unwrap_or_else(|e| panic!("{input:?} printed as {printed:?}, which does not parse: {e}"));
    assert_eq!(again, reference, "{input:?} printed as {printed:?}");
    let _ = reference.to_oci();
    let _ = (
        reference.repo_name(),
        reference.tagged_name(),
        reference.digested_name(),
    );
});
