//! The typst `World` of one render: the template as main source, the data as
//! a virtual `data.json`, and the embedded fonts. Nothing from the file system.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::engine::Engine;

pub struct RenderWorld<'a> {
    engine: &'a Engine,
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

pub fn file_id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("static paths are valid")).intern()
}

impl<'a> RenderWorld<'a> {
    pub fn new(engine: &'a Engine, template: &str, data: Vec<u8>, today: (i32, u8, u8)) -> Self {
        RenderWorld {
            engine,
            main: Source::new(file_id("main.typ"), template.to_owned()),
            data_id: file_id("data.json"),
            data: Bytes::new(data),
            today: Datetime::from_ymd(today.0, today.1, today.2),
        }
    }
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
