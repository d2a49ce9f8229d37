//! Instance administration: accounts and roles.

use crate::http::form::Form;
use app::Page;
use axum::extract::Path;
use serde::Deserialize;
use store::StoreError;
use store::authz::Action;
use store::users::{self, Role};

use super::pages::user_rows;
use super::render::{Ctx, PageResult};

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
