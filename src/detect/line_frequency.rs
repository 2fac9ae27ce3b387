//! **Cross-document line frequency**: a block whose normalised text appears on many pages of
//! the same site is template (menus, taglines, partner notes, disclaimers), whatever its
//! wording. Reads the site's counts from a [`crate::profile::Profile`]; without one (or with
//! too few pages counted for the site) it says nothing.

use super::{Detector, Page, Signal, Verdict};

/// Verdicts from a site profile.
pub struct LineFrequency;

impl Detector for LineFrequency {
    fn name(&self) -> &'static str {
        "line-frequency"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let Some(frequency) = page.frequency else {
            return;
        };
        let title = page.title.map(super::fold).filter(|t| !t.is_empty());
        for (i, block) in page.blocks.iter().enumerate() {
            let Some(count) = frequency.template_count(&block.text, block.features.words) else {
                continue;
            };
            // A page's own title stays, even when other pages of the site link to it.
            if let Some(title) = &title {
                let folded = page.folded(i);
                if !folded.is_empty() && (title == folded || title.starts_with(folded)) {
                    continue;
                }
            }
            // The weight is the line's share of the site's pages.
            let share = count as f32 / frequency.profile.documents.max(1) as f32;
            out.push(Verdict::new(
                i,
                Signal::Chrome,
                share.min(1.0),
                self.name(),
                format!(
                    "on {count} of {} pages of {}",
                    frequency.profile.documents, frequency.site
                ),
            ));
        }
    }
}
