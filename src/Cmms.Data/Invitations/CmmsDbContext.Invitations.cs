using Cmms.Data.Invitations;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The categories invitation templates are listed under.</summary>
    public DbSet<InvitationCategory> InvitationCategories => Set<InvitationCategory>();

    /// <summary>The invitation designs customers choose from.</summary>
    public DbSet<Template> Templates => Set<Template>();

    /// <summary>The invitations customers bought.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>The guests of the invitations.</summary>
    public DbSet<Guest> Guests => Set<Guest>();

    /// <summary>Every opening of an invitation's public link.</summary>
    public DbSet<InvitationViewLog> InvitationViewLogs => Set<InvitationViewLog>();
}
