//! Instance administration: accounts and roles.

use crate::http::form::Form;
use app::Page;
use app::page::UserRow;
use axum::extract::Path;
use serde::Deserialize;
use store::StoreError;
use store::authz::Action;
use store::users::{self, Role};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn set_role(
    ctx: Ctx,
    Path((_lang, id)): Path<(String, i64)>,
    Form(form): Form<RoleForm>,
) -> PageResult {
    ctx.authorize(Action::SetRole { target_user_id: id })
        .await?;
    users::get(&ctx.state.db, id).await?;
    let result = match Role::parse(&form.role) {
        Some(role) => users::set_role(&ctx.state.db, id, role).await,
        None => Err(StoreError::invalid("role", "role-invalid")),
    };
    match result {
        Ok(user) => {
            tracing::info!(target = user.id, role = user.role.as_str(), "role changed");
            ctx.redirect_with("/admin/users", "flash-role-changed")
                .await
        }
        Err(StoreError::Invalid(errors)) => {
            let users = user_rows(&ctx).await?;
            Ok(ctx.invalid(Page::AdminUsers { users }, "role", &(), &errors))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn user_rows(ctx: &Ctx) -> Result<Vec<UserRow>, AppError> {
    let me = ctx.user.as_ref().map(|u| u.id);
    let list = users::list(&ctx.state.db, 500, 0).await?;
    Ok(list
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            is_self: Some(u.id) == me,
            email: u.email,
            display_name: u.display_name,
            role: u.role.as_str().into(),
            created_at: u.created_at,
        })
        .collect())
}

pub async fn users(ctx: Ctx) -> PageResult {
    ctx.authorize(Action::ListUsers).await?;
    let users = user_rows(&ctx).await?;
    Ok(ctx.show(Page::AdminUsers { users }))
}
