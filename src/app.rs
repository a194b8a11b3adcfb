//! The whole screen: header, cap strip, editor (or print preview), side panel.

mod draft_commands;
mod draft_store;
mod transfer;

use crate::components::cap_strip::CapStrip;
use crate::components::drafts_drawer::{DraftsDrawer, SnapshotView};
use crate::components::editor::{Editor, TextChange};
use crate::components::findings_panel::{FindingAction, FindingsPanel};
use crate::components::header::{Export, Header};
use crate::components::message_bar::MessageBar;
use crate::components::print_preview::PrintPreview;
use crate::components::settings_dialog::SettingsDialog;
use crate::components::stats_panel::StatsPanel;
use crate::drafts_model::{draft_rows, snapshot_rows, trash_rows};
use crate::editor_commands;
use crate::layer_model::paragraph_views;
use crate::preferences::{Preferences, CURRENT_DRAFT};
use crate::print_model::print_pages;
use crate::state::{Action, Draft};
use crate::storage::{self, Presence};
use draft_store::DraftStore;
use gloo::events::EventListener;
use jianwen_engine::format::apply_rule_fixes;
use jianwen_io::SnapshotReason;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A memo key compared by identity: the reducer makes a new `Rc` exactly when the value changes,
/// so comparing addresses is exact and costs nothing, where comparing a long analysis would not.
struct Same<T: ?Sized>(Rc<T>);

impl<T: ?Sized> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The draft shown in the editor: the editor is remounted (fresh textarea, fresh undo history)
/// whenever `id` changes, and starts with `text`.
#[derive(Clone, PartialEq)]
pub(crate) struct Opened {
    pub id: AttrValue,
    pub text: AttrValue,
}

/// Milliseconds since the Unix epoch: the clock of the library and its 回收站.
pub(crate) fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// The message bar and whether it offers a backup (after a refused write).
#[derive(Clone)]
pub(crate) struct Notice {
    pub message: UseStateHandle<Option<AttrValue>>,
    pub offer_backup: UseStateHandle<bool>,
}

impl Notice {
    /// Shows `result`'s error, if any, and passes its value on.
    pub fn report<T>(&self, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(text) => {
                self.offer_backup.set(text == storage::SAVE_REFUSED);
                self.message.set(Some(text.into()));
                None
            }
        }
    }
}

/// `preferences` with the 文种 of the draft being opened.
fn with_cap(preferences: &Preferences, cap_profile: Option<&str>) -> Preferences {
    let mut next = preferences.clone();
    if next.caps.choose(CURRENT_DRAFT, cap_profile).is_err() {
        // A profile deleted since: the draft opens with none.
        next.caps.choose(CURRENT_DRAFT, None).ok();
    }
    next
}

#[component]
pub fn App() -> Html {
    let store: Rc<RefCell<DraftStore>> = use_mut_ref(|| DraftStore::open_stored(now()));
    let force_update = use_force_update();
    let loaded_preferences = use_memo((), |_| storage::load_preferences());
    let opened = use_state(|| {
        let store = store.borrow();
        Opened {
            id: store.current_id().to_owned().into(),
            text: store.current().text.clone().into(),
        }
    });
    let draft = {
        let (store, text) = (store.clone(), opened.text.clone());
        let preferences = loaded_preferences.0.clone();
        use_reducer(move || {
            // The open draft's 文种; a draft without one (the version 1 draft, migrated) keeps
            // the one chosen before, and records it.
            let mut store = store.borrow_mut();
            let preferences = match store.current().cap_profile.clone() {
                Some(id) => with_cap(&preferences, Some(&id)),
                None => {
                    let chosen = preferences
                        .caps
                        .chosen(CURRENT_DRAFT)
                        .map(|p| p.id().to_owned());
                    if chosen.is_some() {
                        store.set_cap_profile(chosen.as_deref(), now()).ok();
                    }
                    preferences
                }
            };
            Draft::new(&text, preferences)
        })
    };
    let notice = Notice {
        message: {
            let store = store.clone();
            let problems = loaded_preferences.1.clone();
            use_state(move || {
                let stored = store.borrow_mut().take_problems();
                let all: Vec<String> = problems.into_iter().chain(stored).collect();
                (!all.is_empty()).then(|| AttrValue::from(all.join(" ")))
            })
        },
        offer_backup: use_state(|| false),
    };
    let message = notice.message.clone();
    let textarea_ref = use_node_ref();
    let layer_ref = use_node_ref();
    {
        // Preferences are saved whenever they change (never on the typing path).
        let message = message.clone();
        use_effect_with(Same(draft.preferences.clone()), move |preferences| {
            if let Err(text) = storage::save_preferences(&preferences.0) {
                message.set(Some(text.into()));
            }
        });
    }
    let conflict = use_state(|| false);
    let open_elsewhere = use_state(|| false);
    // This tab's name in announcements to the others (see `storage::announce`).
    let tab = use_memo((), |_| {
        format!("t{}", (js_sys::Math::random() * 1e15) as u64)
    });
    {
        // Another tab opening the draft open here: both are told. Another tab saving it: stop
        // writing it and ask (see `DraftStore::pause`).
        let (store, conflict, open_elsewhere, tab) = (
            store.clone(),
            conflict.clone(),
            open_elsewhere.clone(),
            tab.clone(),
        );
        use_effect_with((), move |_| {
            storage::announce(Presence::Opened, &tab, store.borrow().current_id(), now());
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let (key, value) = (
                    event.key().unwrap_or_default(),
                    event.new_value().unwrap_or_default(),
                );
                let mut store = store.borrow_mut();
                if key == storage::PRESENCE_KEY {
                    let Some((presence, other, id)) = storage::parse_presence(&value) else {
                        return;
                    };
                    if id == store.current_id() && other != tab.as_str() {
                        if presence == Presence::Opened {
                            storage::announce(Presence::AlsoOpen, &tab, id, now());
                        }
                        open_elsewhere.set(true);
                    }
                } else if key == jianwen_io::text_key(store.current_id())
                    && value != store.current().text
                {
                    store.pause();
                    conflict.set(true);
                }
            });
            move || drop(listener)
        });
    }
    // The views drawn last, whose unchanged pieces the next views take over.
    let drawn_views = use_mut_ref(|| Rc::new(Vec::new()));
    let paragraphs = use_memo(
        (
            Same(draft.text.clone()),
            Same(draft.analysis.clone()),
            draft.stale,
        ),
        |(text, analysis, stale)| {
            let views = Rc::new(paragraph_views(
                &text.0,
                (!stale).then_some(&*analysis.0),
                &drawn_views.borrow(),
            ));
            *drawn_views.borrow_mut() = Rc::clone(&views);
            views
        },
    );

    let on_change = {
        let draft = draft.dispatcher();
        let (store, notice) = (store.clone(), notice.clone());
        Callback::from(move |change: TextChange| {
            // Saved on every change, mid-composition too, before it is analysed: localStorage
            // writes are synchronous and take well under a millisecond for a long report (the
            // index is a few hundred bytes per draft), so nothing typed can be lost.
            let saved = store.borrow_mut().edit(
                &change.text,
                Some(&change.typed),
                !change.composing,
                now(),
            );
            notice.report(saved);
            draft.dispatch(if change.composing {
                Action::Composing(change.text)
            } else {
                Action::Settled(change.text)
            });
        })
    };
    let open_draft = {
        let (store, opened, draft, notice, force_update) = (
            store.clone(),
            opened.clone(),
            draft.clone(),
            notice.clone(),
            force_update.clone(),
        );
        let (open_elsewhere, tab) = (open_elsewhere.clone(), tab.clone());
        Callback::from(move |id: String| {
            let result = store.borrow_mut().open(&id);
            notice.report(result);
            let store = store.borrow();
            let current = store.current();
            open_elsewhere.set(false);
            storage::announce(Presence::Opened, &tab, &current.id, now());
            opened.set(Opened {
                id: current.id.clone().into(),
                text: current.text.clone().into(),
            });
            let preferences = with_cap(&draft.preferences, current.cap_profile.as_deref());
            draft.dispatch(Action::Open(current.text.clone(), preferences));
            force_update.force_update();
        })
    };
    let configure = {
        let draft = draft.dispatcher();
        Callback::from(move |preferences: Preferences| {
            draft.dispatch(Action::Configure(preferences))
        })
    };
    let on_choose_cap = {
        let configure = configure.clone();
        let preferences = draft.preferences.clone();
        let (store, notice) = (store.clone(), notice.clone());
        Callback::from(move |id: Option<String>| {
            let mut next = (*preferences).clone();
            match next.caps.choose(CURRENT_DRAFT, id.as_deref()) {
                Ok(()) => {
                    let saved = store.borrow_mut().set_cap_profile(id.as_deref(), now());
                    notice.report(saved);
                    configure.emit(next);
                }
                Err(e) => notice.report::<()>(Err(e.to_string())).unwrap_or_default(),
            }
        })
    };
    let on_finding = finding_handler(
        &draft,
        &store,
        &configure,
        &notice,
        &textarea_ref,
        &layer_ref,
    );
    let pending_read: transfer::PendingRead = use_mut_ref(|| None);
    let on_import = transfer::import_handler(&store, &open_draft, &notice, &pending_read);
    let on_restore_backup = transfer::restore_handler(
        &store,
        &draft,
        &configure,
        &notice,
        &force_update,
        &pending_read,
    );
    let on_export = transfer::export_handler(&store, &draft, &notice);
    let drag_over = use_state(|| false);
    let (ondragover, ondragleave, ondrop) = drop_handlers(&drag_over, &on_import);

    let preview = use_state(|| false);
    {
        // Esc leaves the preview; the browser's print (Ctrl+P) opens it first, so what prints is
        // always the engine's pages, never the editor.
        let preview = preview.clone();
        use_effect_with(*preview, move |&open| {
            let window = gloo::utils::window();
            let on_print = {
                let preview = preview.clone();
                EventListener::new(&window, "beforeprint", move |_| preview.set(true))
            };
            let on_key = open.then(|| {
                EventListener::new(&window, "keydown", move |e| {
                    let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    if key.as_deref() == Some("Escape") {
                        preview.set(false);
                    }
                })
            });
            move || drop((on_print, on_key))
        });
    }
    let pages = use_memo(
        (Same(draft.analysis.clone()), *preview),
        |(analysis, open)| {
            if *open {
                print_pages(
                    &draft.analyzed_text,
                    &analysis.0.layout,
                    &draft.settings.layout,
                )
            } else {
                Vec::new()
            }
        },
    );
    let toggle_preview = {
        let preview = preview.clone();
        Callback::from(move |()| preview.set(!*preview))
    };
    let close_preview = {
        let preview = preview.clone();
        Callback::from(move |()| preview.set(false))
    };
    let settings_open = use_state(|| false);
    let open_settings = {
        let settings_open = settings_open.clone();
        Callback::from(move |()| settings_open.set(true))
    };
    let close_settings = {
        let settings_open = settings_open.clone();
        Callback::from(move |()| settings_open.set(false))
    };
    let dismiss_message = {
        let message = message.clone();
        Callback::from(move |()| message.set(None))
    };
    let drawer_open = use_state(|| false);
    let toggle_drawer = {
        let drawer_open = drawer_open.clone();
        Callback::from(move |()| drawer_open.set(!*drawer_open))
    };
    let close_drawer = {
        let drawer_open = drawer_open.clone();
        Callback::from(move |()| {
            drawer_open.set(false);
            // Focus goes back where the drawer was opened from, as a dialog's does.
            let button = gloo::utils::document()
                .query_selector("[data-testid=open-drafts]")
                .ok()
                .flatten();
            if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                button.focus().ok();
            }
        })
    };
    let viewing = use_state(|| None::<SnapshotView>);
    let on_draft_command = draft_commands::handler(draft_commands::Context {
        store: store.clone(),
        open_draft: open_draft.clone(),
        notice: notice.clone(),
        force_update: force_update.clone(),
        textarea_ref: textarea_ref.clone(),
        viewing: viewing.clone(),
        drawer_open: drawer_open.clone(),
    });
    let on_conflict = draft_commands::conflict_handler(&store, &conflict, &notice, &textarea_ref);
    let export_backup = {
        let on_export = on_export.clone();
        Callback::from(move |()| on_export.emit(Export::Backup))
    };
    let drawer_rows = use_memo(
        (
            *drawer_open,
            Same(draft.text.clone()),
            store.borrow().revision(),
        ),
        {
            let store = store.clone();
            move |(open, _, _)| {
                let store = store.borrow();
                if !*open {
                    return Default::default();
                }
                let library = store.library();
                (
                    Rc::new(draft_rows(library, store.current_id())),
                    Rc::new(trash_rows(library, now())),
                    Rc::new(snapshot_rows(store.history())),
                )
            }
        },
    );
    let speech_note = draft
        .settings
        .cap
        .as_ref()
        .filter(|cap| cap.limits().minutes.is_some())
        .map(|_| AttrValue::from(draft.settings.speaking_rate.note()));
    let chosen_cap = draft
        .preferences
        .caps
        .chosen(CURRENT_DRAFT)
        .map(|p| AttrValue::from(p.id().to_owned()));

    html! {
        <div class="app">
            <Header preview_open={*preview} drafts_open={*drawer_open} on_toggle_drafts={toggle_drawer} on_toggle_preview={toggle_preview} on_open_settings={open_settings} {on_import} {on_restore_backup} {on_export} />
            if *settings_open {
                <SettingsDialog preferences={draft.preferences.clone()} on_change={configure.clone()} on_close={close_settings} />
            }
            if let Some(text) = (*message).clone() {
                <MessageBar message={text} on_dismiss={dismiss_message} on_export_backup={(*notice.offer_backup).then_some(export_backup)} />
            }
            if *open_elsewhere && !*conflict {
                <div class="message-bar" role="status" data-testid="draft-open-elsewhere">
                    <span>{"这份草稿也在另一个窗口（标签页）中打开。请只在一处修改：若另一处保存了修改，本窗口会暂停保存并询问，不会互相覆盖。"}</span>
                    <button type="button" class="button-link" onclick={let open_elsewhere = open_elsewhere.clone(); move |_: MouseEvent| open_elsewhere.set(false)}>{"知道了"}</button>
                </div>
            }
            if *conflict {
                <div class="message-bar" role="alert" data-testid="draft-conflict">
                    <span>{"这份草稿刚在另一个窗口（标签页）中修改并保存。为避免互相覆盖，本窗口已暂停保存这份草稿。"}</span>
                    <span class="draft-actions">
                        <button type="button" class="button-link" data-testid="conflict-load" onclick={on_conflict.reform(|_: MouseEvent| false)}>{"载入另一窗口的版本"}</button>
                        <button type="button" class="button-link" data-testid="conflict-keep" onclick={on_conflict.reform(|_: MouseEvent| true)}>{"保留本窗口的内容"}</button>
                    </span>
                </div>
            }
            <CapStrip caps={draft.preferences.caps.clone()} chosen={chosen_cap} report={draft.analysis.caps.clone().map(Rc::new)} on_choose={on_choose_cap} />
            <main class="workspace">
                if *drawer_open {
                    <DraftsDrawer drafts={drawer_rows.0.clone()} trash={drawer_rows.1.clone()} snapshots={drawer_rows.2.clone()} viewing={(*viewing).clone()} on_command={on_draft_command} on_close={close_drawer} />
                }
                if *preview {
                    <section class="preview-zone" aria-label="打印预览">
                        <PrintPreview {pages} on_close={close_preview} />
                    </section>
                }
                // Hidden, not unmounted, during the preview: the textarea keeps its undo history.
                <section class={classes!("editor-zone", drag_over.then_some("drop-target"))} aria-label="正文编辑区" hidden={*preview} {ondragover} {ondragleave} {ondrop}>
                    <Editor
                        key={opened.id.as_str()}
                        initial_text={opened.text.clone()}
                        text={draft.text.clone()}
                        paragraphs={Rc::clone(&*paragraphs)}
                        {on_change}
                        textarea_ref={textarea_ref.clone()}
                        layer_ref={layer_ref.clone()}
                    />
                </section>
                <aside class="side-panel" aria-label="检查结果">
                    <StatsPanel analysis={draft.analysis.clone()} stale={draft.stale} {speech_note} />
                    <FindingsPanel analysis={draft.analysis.clone()} text={draft.analyzed_text.clone()} on_action={on_finding} />
                </aside>
            </main>
        </div>
    }
}

/// A file dragged onto the editor imports like 导入. Dragged text is left to the browser, which
/// inserts it at the drop point as usual.
fn drop_handlers(
    drag_over: &UseStateHandle<bool>,
    on_import: &Callback<web_sys::File>,
) -> (
    Callback<DragEvent>,
    Callback<DragEvent>,
    Callback<DragEvent>,
) {
    let carries_files = |e: &DragEvent| {
        e.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let over = {
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Cancelling `dragover` is what allows the drop.
                e.prevent_default();
                drag_over.set(true);
            }
        })
    };
    let leave = {
        let drag_over = drag_over.clone();
        Callback::from(move |_: DragEvent| drag_over.set(false))
    };
    let drop = {
        let (drag_over, on_import) = (drag_over.clone(), on_import.clone());
        Callback::from(move |e: DragEvent| {
            drag_over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0))
            {
                e.prevent_default();
                on_import.emit(file);
            }
        })
    };
    (over, leave, drop)
}

/// Carries out what the findings list asks: selections and fixes on the textarea (fixes as
/// undoable edits), ignores and rule switches as preference changes.
fn finding_handler(
    draft: &UseReducerHandle<Draft>,
    store: &Rc<RefCell<DraftStore>>,
    configure: &Callback<Preferences>,
    notice: &Notice,
    textarea_ref: &NodeRef,
    layer_ref: &NodeRef,
) -> Callback<FindingAction> {
    let (draft, store, configure, notice) = (
        draft.clone(),
        store.clone(),
        configure.clone(),
        notice.clone(),
    );
    let message = notice.message.clone();
    let (textarea_ref, layer_ref) = (textarea_ref.clone(), layer_ref.clone());
    Callback::from(move |action: FindingAction| {
        let Some(textarea) = textarea_ref.cast::<HtmlTextAreaElement>() else {
            return;
        };
        let stale = |message: &UseStateHandle<Option<AttrValue>>| {
            message.set(Some(
                "正文刚刚改动过，检查结果尚未更新，请再点一次。".into(),
            ));
        };
        match action {
            FindingAction::Select(span) => {
                let scalar = draft
                    .analyzed_text
                    .get(..span.start)
                    .map_or(0, |head| head.chars().count());
                editor_commands::select(
                    &textarea,
                    &span,
                    layer_ref.cast::<web_sys::Element>().as_ref(),
                    scalar,
                );
            }
            FindingAction::Fix(fix) => {
                // Edits are applied back to front so earlier offsets stay valid; the browser
                // records each as an undo step.
                if textarea.value() != *draft.analyzed_text {
                    return stale(&message);
                }
                for edit in fix.edits.iter().rev() {
                    editor_commands::replace(&textarea, &edit.span, &edit.replacement);
                }
            }
            FindingAction::FixAll(rule) => {
                if textarea.value() != *draft.analyzed_text {
                    return stale(&message);
                }
                let (fixed, count) =
                    apply_rule_fixes(&draft.analyzed_text, &draft.analysis.format, &rule);
                let question = format!("将按规则一次修正 {count} 处，可用 Ctrl+Z 撤销。继续吗？");
                if count > 0
                    && gloo::utils::window()
                        .confirm_with_message(&question)
                        .unwrap_or(false)
                {
                    // A bulk change: the text before it is kept as a snapshot too.
                    let saved = store
                        .borrow_mut()
                        .snapshot(SnapshotReason::BeforeFixAll, now());
                    notice.report(saved);
                    editor_commands::replace_all_keeping_view(&textarea, &fixed);
                }
            }
            FindingAction::Ignore { rule, text } => {
                let mut next = (*draft.preferences).clone();
                next.rules.ignore(&rule, &text);
                configure.emit(next);
            }
            FindingAction::DisableRule(rule) => {
                let mut next = (*draft.preferences).clone();
                match next.rules.set_enabled(&rule, false) {
                    Ok(()) => configure.emit(next),
                    Err(e) => message.set(Some(e.to_string().into())),
                }
            }
            FindingAction::DisableFormatRule(rule) => {
                let mut next = (*draft.preferences).clone();
                next.format.disabled.insert(rule);
                configure.emit(next);
            }
        }
    })
}
