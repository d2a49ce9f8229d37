//! The courses as the server serves them: loaded once from `content/`, every
//! lesson version rendered to safe HTML up front with its links resolved to
//! page addresses, and swapped whole when the content changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use crate::frontmatter::CourseFront;
use crate::images::Responsive;
use crate::model::{Course, Library};
use crate::render::{Target, TocEntry};
use crate::topics::Topics;

/// A lesson version ready to show.
#[derive(Debug, Clone)]
pub struct LessonPage {
    pub title: String,
    pub summary: Option<String>,
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Estimated reading time.
    pub minutes: u32,
    pub quiz: Option<crate::quiz::Quiz>,
}

#[derive(Debug, Clone)]
pub struct LessonEntry {
    /// The lesson's id in the content tree (what progress is recorded against).
    pub id: String,
    /// Index of its module in the course.
    pub module: usize,
    /// Page path without the language: `/courses/{course}/{module}/{lesson}`.
    pub path: String,
    /// The folder of its files, relative to the content root.
    pub dir: PathBuf,
    pub versions: BTreeMap<String, LessonPage>,
}

impl LessonEntry {
    /// The version in `lang`, else the original (`original`).
    pub fn version(&self, lang: &str, original: &str) -> (&str, &LessonPage) {
        self.versions
            .get_key_value(lang)
            .or_else(|| self.versions.get_key_value(original))
            .or_else(|| self.versions.iter().next())
            .map(|(k, v)| (k.as_str(), v))
            .expect("a lesson has at least its original version")
    }

    pub fn has_quiz(&self) -> bool {
        self.versions.values().any(|v| v.quiz.is_some())
    }
}

#[derive(Debug, Clone)]
pub struct ModuleEntry {
    pub slug: String,
    /// Title and summary by language.
    pub texts: BTreeMap<String, (String, Option<String>)>,
}

#[derive(Debug, Clone)]
pub struct CourseEntry {
    pub slug: String,
    pub front: CourseFront,
    /// Title, summary and rendered introduction by language.
    pub texts: BTreeMap<String, (String, String, String)>,
    pub modules: Vec<ModuleEntry>,
    /// Every lesson, in reading order.
    pub lessons: Vec<LessonEntry>,
    pub cover: Option<Picture>,
}

impl CourseEntry {
    pub fn original(&self) -> &str {
        &self.front.language
    }

    pub fn languages(&self) -> Vec<String> {
        let mut langs = vec![self.original().to_string()];
        langs.extend(self.texts.keys().filter(|l| *l != self.original()).cloned());
        langs
    }

    /// `(language shown, title, summary, intro html)` for a reader of `lang`.
    pub fn text(&self, lang: &str) -> (&str, &(String, String, String)) {
        self.texts
            .get_key_value(lang)
            .or_else(|| self.texts.get_key_value(self.original()))
            .map(|(k, v)| (k.as_str(), v))
            .expect("a course has its original texts")
    }

    pub fn module_text(&self, module: usize, lang: &str) -> (String, Option<String>) {
        let m = &self.modules[module];
        m.texts
            .get(lang)
            .or_else(|| m.texts.get(self.original()))
            .cloned()
            .unwrap_or_else(|| (m.slug.clone(), None))
    }

    pub fn lesson_by_path(&self, path: &str) -> Option<(usize, &LessonEntry)> {
        self.lessons
            .iter()
            .enumerate()
            .find(|(_, l)| l.path == path)
    }

    pub fn lesson_by_id(&self, id: &str) -> Option<&LessonEntry> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// Lesson ids whose quizzes count towards completion.
    pub fn quiz_lessons(&self) -> impl Iterator<Item = &LessonEntry> {
        self.lessons.iter().filter(|l| l.has_quiz())
    }

    /// The course's estimated time in minutes.
    pub fn minutes(&self) -> u32 {
        (self.front.estimated_hours.max(0.0) * 60.0).round() as u32
    }
}

/// Every published course, ready to serve.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub courses: Vec<CourseEntry>,
    pub topics: Topics,
    /// The published courses as loaded (for the RDF store).
    pub sources: Vec<crate::model::Course>,
}

impl Catalogue {
    pub fn course(&self, slug: &str) -> Option<&CourseEntry> {
        self.courses.iter().find(|c| c.slug == slug)
    }

    /// The page path (without the language) of an `@/` link's target
    /// (`courses/…/lesson.md#anchor`, or a course's `_index.md`), when it
    /// names a published lesson or course.
    pub fn checked_path(&self, target: &str) -> Option<String> {
        let (file, anchor) = target
            .split_once('#')
            .map_or((target, None), |(f, a)| (f, Some(a)));
        let path = self.courses.iter().find_map(|c| {
            if file == format!("courses/{}/_index.md", c.slug) {
                Some(format!("/courses/{}", c.slug))
            } else {
                c.lesson_by_id(file).map(|l| l.path.clone())
            }
        })?;
        Some(match anchor {
            Some(a) => format!("{path}#{a}"),
            None => path,
        })
    }

    /// Prepares a loaded library from `root`; drafts are left out. Images
    /// get their responsive variants in `media` (made once, then reused).
    pub fn build(library: &Library, root: &Path, media: &Path) -> Self {
        let paths = lesson_paths(library);
        let images = Images { root, media };
        let courses = library
            .courses
            .iter()
            .filter(|c| !c.front.draft)
            .map(|c| build_course(c, &paths, &images))
            .collect();
        Self {
            courses,
            topics: library.topics.clone(),
            sources: library
                .courses
                .iter()
                .filter(|c| !c.front.draft)
                .cloned()
                .collect(),
        }
    }
}

/// Page path of every lesson, course and module index, by content id.
fn lesson_paths(library: &Library) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for c in &library.courses {
        let course_path = format!("/courses/{}", c.slug);
        out.insert(format!("courses/{}/_index.md", c.slug), course_path.clone());
        for m in &c.modules {
            let dir = format!("courses/{}/{:02}-{}", c.slug, m.number, m.slug);
            out.insert(
                format!("{dir}/_index.md"),
                format!("{course_path}#module-{}", m.slug),
            );
            for l in &m.lessons {
                out.insert(l.id.clone(), format!("{course_path}/{}/{}", m.slug, l.slug));
            }
        }
    }
    out
}

/// Words per minute of an unhurried reader of instructional text.
const WORDS_PER_MINUTE: usize = 200;

fn reading_minutes(markdown: &str, quiz_questions: usize) -> u32 {
    let words = markdown.split_whitespace().count();
    // About half a minute per quiz question.
    (words.div_ceil(WORDS_PER_MINUTE) + quiz_questions.div_ceil(2)).max(1) as u32
}

/// Where images come from and where their variants go.
struct Images<'a> {
    root: &'a Path,
    media: &'a Path,
}

/// The address of the media folder that serves image variants.
pub const MEDIA_PATH: &str = "/course-media";

impl Images<'_> {
    /// Variants of every image a text shows, by source as written.
    fn prepare(&self, markdown: &str, dir: &Path) -> BTreeMap<String, Responsive> {
        let mut out = BTreeMap::new();
        for (_, src) in crate::render::image_sources(markdown) {
            let Some(path) = crate::images::source_path(dir, &src) else {
                continue;
            };
            match crate::images::prepare(&self.root.join(&path), self.media) {
                Ok(r) => {
                    out.insert(src, r);
                }
                // Checked at load time; a failure here is the cache's, and the
                // original file is shown instead.
                Err(e) => tracing::warn!(image = %path.display(), error = %e, "no image variants"),
            }
        }
        out
    }
}

fn srcset(r: &Responsive) -> String {
    r.variants
        .iter()
        .map(|v| format!("{MEDIA_PATH}/{} {}w", v.file, v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A responsive image as pages show it: the default variant and the others
/// by width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub src: String,
    /// `url 480w, url 800w, …`
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

fn picture(r: &Responsive) -> Picture {
    let d = r.default_variant();
    Picture {
        src: format!("{MEDIA_PATH}/{}", d.file),
        srcset: srcset(r),
        width: d.width,
        height: d.height,
    }
}

/// Adds `srcset`, `sizes`, dimensions and lazy loading to the images whose
/// variants were made. The sanitiser writes `<img src="…"` the same way
/// every time, and the addresses are ours (hex names), so nothing needs escaping.
fn responsive_images(html: String, images: &BTreeMap<String, Responsive>) -> String {
    let mut html = html;
    for r in images.values() {
        let default = r.default_variant();
        let srcset = srcset(r);
        let from = format!("<img src=\"{MEDIA_PATH}/{}\"", default.file);
        let to = format!(
            "<img src=\"{MEDIA_PATH}/{}\" srcset=\"{srcset}\" sizes=\"(min-width: 44rem) 42rem, 100vw\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"",
            default.file, default.width, default.height
        );
        html = html.replace(&from, &to);
    }
    html
}

fn render(
    markdown: &str,
    lang: &str,
    dir: &Path,
    paths: &BTreeMap<String, String>,
    images: &Images<'_>,
) -> crate::render::Rendered {
    let files = dir.to_string_lossy().replace('\\', "/");
    let variants = images.prepare(markdown, dir);
    let mut r = crate::render::render(markdown, |target| match target {
        Target::Checked(t) => {
            let (file, anchor) = t.split_once('#').map_or((t, None), |(f, a)| (f, Some(a)));
            // Links are checked at load time, so the target exists.
            let path = paths.get(file).cloned().unwrap_or_default();
            match anchor {
                Some(a) => format!("/{lang}{path}#{a}"),
                None => format!("/{lang}{path}"),
            }
        }
        Target::Image(f) => match variants.get(f) {
            Some(r) => format!("{MEDIA_PATH}/{}", r.default_variant().file),
            None => format!("/course-files/{files}/{f}"),
        },
        Target::File(f) => format!("/course-files/{files}/{f}"),
    });
    r.html = responsive_images(r.html, &variants);
    r
}

fn build_course(c: &Course, paths: &BTreeMap<String, String>, images: &Images<'_>) -> CourseEntry {
    let original = c.front.language.clone();
    let course_files = PathBuf::from("courses").join(&c.slug);
    let mut texts = BTreeMap::new();
    let intro = render(&c.intro.markdown, &original, &course_files, paths, images);
    texts.insert(
        original.clone(),
        (c.front.title.clone(), c.front.summary.clone(), intro.html),
    );
    for (lang, (front, text)) in &c.translations {
        let intro = render(&text.markdown, lang, &course_files, paths, images);
        texts.insert(
            lang.clone(),
            (
                front.title.clone(),
                front
                    .summary
                    .clone()
                    .unwrap_or_else(|| c.front.summary.clone()),
                intro.html,
            ),
        );
    }
    let mut modules = Vec::new();
    let mut lessons = Vec::new();
    for (mi, m) in c.modules.iter().enumerate() {
        let mut mtexts = BTreeMap::new();
        mtexts.insert(
            original.clone(),
            (m.front.title.clone(), m.front.summary.clone()),
        );
        for (lang, (front, _)) in &m.translations {
            mtexts.insert(lang.clone(), (front.title.clone(), front.summary.clone()));
        }
        modules.push(ModuleEntry {
            slug: m.slug.clone(),
            texts: mtexts,
        });
        for l in &m.lessons {
            if l.versions.get(&original).is_some_and(|v| v.front.draft) {
                continue;
            }
            let versions = l
                .versions
                .iter()
                .filter(|(_, v)| !v.front.draft)
                .map(|(lang, v)| {
                    let r = render(&v.text.markdown, lang, &l.dir, paths, images);
                    let questions = v.quiz.as_ref().map_or(0, |q| q.questions.len());
                    let page = LessonPage {
                        title: v.front.title.clone(),
                        summary: v.front.summary.clone(),
                        html: r.html,
                        toc: r.toc,
                        minutes: reading_minutes(&v.text.markdown, questions),
                        quiz: v.quiz.clone(),
                    };
                    (lang.clone(), page)
                })
                .collect();
            lessons.push(LessonEntry {
                id: l.id.clone(),
                module: mi,
                path: paths.get(&l.id).cloned().unwrap_or_default(),
                dir: l.dir.clone(),
                versions,
            });
        }
    }
    let cover = c.front.cover.as_deref().and_then(|src| {
        let path = crate::images::source_path(&course_files, src)?;
        match crate::images::prepare(&images.root.join(&path), images.media) {
            Ok(r) => Some(picture(&r)),
            Err(e) => {
                tracing::warn!(image = %path.display(), error = %e, "no cover variants");
                None
            }
        }
    });
    CourseEntry {
        slug: c.slug.clone(),
        front: c.front.clone(),
        texts,
        modules,
        lessons,
        cover,
    }
}

/// The catalogue being served, replaced whole when the content changes.
#[derive(Debug)]
pub struct Courses {
    current: RwLock<Arc<Catalogue>>,
    /// How many times the catalogue was replaced: whatever was made from an
    /// older catalogue (a rendered page) is out of date once this moves.
    generation: AtomicU64,
    /// Where the content is loaded from (files beside lessons are served from it).
    root: PathBuf,
    /// Where image variants are made.
    media: PathBuf,
}

impl Courses {
    pub fn new(root: &Path, media: &Path) -> Self {
        Self {
            current: RwLock::new(Arc::new(Catalogue::default())),
            generation: AtomicU64::new(0),
            root: root.to_path_buf(),
            media: media.to_path_buf(),
        }
    }

    pub fn get(&self) -> Arc<Catalogue> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn media(&self) -> &Path {
        &self.media
    }

    /// Serves `library` (loaded from this content folder) from now on.
    pub fn replace(&self, library: &Library) {
        let next = Arc::new(Catalogue::build(library, &self.root, &self.media));
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = next;
        self.generation.fetch_add(1, Ordering::Release);
    }

    /// Moves on each [`Courses::replace`] (a start, a content reload).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_words_and_questions() {
        assert_eq!(reading_minutes("", 0), 1);
        assert_eq!(reading_minutes(&"mot ".repeat(450), 0), 3);
        assert_eq!(reading_minutes(&"mot ".repeat(450), 3), 5);
    }
}
